package dev.scoreline.plugins.webhook;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.UpdateJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * POSTs a JSON notification for each status transition (e.g. Low to High) and each threshold a
 * score crosses, and a {@code left_scope} notification for each record that left a score's scope,
 * to one URL.
 *
 * <p>A plain sink: it sends a batch's notifications in order, one POST each, and when the endpoint
 * does not take one it stops and throws a {@link PartialWriteException} saying how many of the
 * batch's updates it took. The runtime retries with backoff and keeps exactly the rest in the
 * sink's outbox, so nothing is lost and a record's notifications arrive in the order its updates
 * happened. Of an update whose notifications went out only in part, the ones already taken are
 * not sent again when the runtime offers that update anew.
 *
 * <p>Each notification carries an {@code id} (also sent as the {@code Idempotency-Key} header)
 * that is the same every time it is sent, so a receiver can drop the rare duplicate (a process
 * that stopped after the endpoint took a notification and before the runtime recorded it). A
 * response of 2xx is delivered; 400, 413, 415 and 422 mean the endpoint will never take that
 * notification, so it is appended to the {@code rejected} file (kept, never dropped) and delivery
 * goes on; anything else (5xx, 429, 401 while a token is fixed, no answer) stops the write.
 */
public final class WebhookSink implements ScoreSink {

    /** Where notifications the endpoint refuses for good go, unless told otherwise. */
    public static final Path DEFAULT_REJECTED = Path.of("scoreline-data", "webhook-rejected.jsonl");

    /** The settings of a config file's {@code webhook} entry; see {@link #fromSettings}. */
    public static final Map<String, String> SETTINGS = settingsHelp();

    public static final class Builder {
        private final URI url;
        private Path rejected = DEFAULT_REJECTED;
        private final List<Threshold> thresholds = new ArrayList<>();
        private boolean statusChanges = true;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient client;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The file that keeps notifications the endpoint refuses for good (default {@link #DEFAULT_REJECTED}). */
        public Builder rejected(Path file) {
            this.rejected = Objects.requireNonNull(file, "file");
            return this;
        }

        public Builder threshold(Threshold threshold) {
            thresholds.add(Objects.requireNonNull(threshold));
            return this;
        }

        /** Whether status transitions are notified (default yes). */
        public Builder statusChanges(boolean notify) {
            this.statusChanges = notify;
            return this;
        }

        /** A header sent with every POST, e.g. {@code Authorization}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder client(HttpClient client) {
            this.client = client;
            return this;
        }

        public WebhookSink build() {
            return new WebhookSink(this);
        }
    }

    public static Builder to(URI url) {
        return new Builder(url);
    }

    private final URI url;
    private final Path rejectedFile;
    private final List<Threshold> thresholds;
    private final boolean statusChanges;
    private final Map<String, String> headers;
    private final Duration timeout;
    private HttpClient client;
    private String lastFailure;
    private long delivered;
    /** The update a write stopped in, and the ids of its notifications the endpoint already took. */
    private ScoreUpdate partlyTaken;
    private final Set<String> takenOfPartly = new HashSet<>();

    private WebhookSink(Builder b) {
        this.url = b.url;
        this.rejectedFile = b.rejected;
        this.thresholds = List.copyOf(b.thresholds);
        this.statusChanges = b.statusChanges;
        this.headers = Map.copyOf(b.headers);
        this.timeout = b.timeout;
        this.client = b.client;
    }

    /**
     * The sink a config file's entry describes:
     * <pre>
     * sinks:
     *   - name: webhook
     *     url: https://hooks.example.com/scoreline
     *     thresholds:
     *       - { score: "Deal score", record-type: deal, value: 75, direction: up, name: "hot deal" }
     *     headers: { Authorization: "Bearer ..." }
     * </pre>
     */
    public static WebhookSink fromSettings(PluginSettings s) {
        Builder b = to(s.requiredUri("url", Set.of("http", "https")))
                .rejected(s.optionalPath("rejected").orElse(DEFAULT_REJECTED))
                .statusChanges(s.bool("status-changes", true))
                .timeout(s.duration("timeout", Duration.ofSeconds(10)));
        List<Map<String, Object>> thresholds = s.mapList("thresholds");
        for (int i = 0; i < thresholds.size(); i++) {
            b.threshold(threshold(PluginSettings.of("sink \"webhook\", threshold " + (i + 1), thresholds.get(i))));
        }
        Object headers = s.raw("headers");
        if (headers != null) {
            if (!(headers instanceof Map<?, ?> map)) {
                throw s.error("headers", "must be a map of header names to values");
            }
            map.forEach((k, v) -> {
                if (v instanceof Map || v instanceof java.util.Collection) {
                    throw s.error("headers", "header \"" + k + "\" must have a text value");
                }
                b.header(String.valueOf(k), String.valueOf(v));
            });
        }
        return b.build();
    }

    private static Threshold threshold(PluginSettings t) {
        String text = t.requiredString("value");
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw t.error("value", "must be a number, got \"" + text + "\"");
        }
        Threshold threshold = new Threshold(t.string("name", null), t.string("score", null), t.string("record-type", null),
                value, t.choice("direction", Threshold.Direction.class, Threshold.Direction.UP));
        t.rejectUnknown();
        return threshold;
    }

    private static Map<String, String> settingsHelp() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("url", "the http or https URL to POST to (required)");
        out.put("rejected", "file of notifications the endpoint refused for good (default " + DEFAULT_REJECTED + ")");
        out.put("status-changes", "notify status transitions (default true)");
        out.put("thresholds", "list of {value (required), score, record-type, direction up|down|both (default up), name}");
        out.put("headers", "map of extra HTTP headers, e.g. Authorization");
        out.put("timeout", "per request (default 10s)");
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public synchronized void open() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).build();
        }
    }

    /**
     * Sends the notifications of each update in order.
     *
     * @throws PartialWriteException when the endpoint does not take one: the updates before its
     *         update were taken, that update and the rest were not
     */
    @Override
    public synchronized void write(List<ScoreUpdate> updates) {
        open();
        for (int i = 0; i < updates.size(); i++) {
            ScoreUpdate update = updates.get(i);
            if (!update.equals(partlyTaken)) {
                partlyTaken = null;
                takenOfPartly.clear();
            }
            for (Map<String, Object> n : notifications(update)) {
                String id = (String) n.get("id");
                if (takenOfPartly.contains(id)) {
                    continue;
                }
                partlyTaken = update;
                String body = UpdateJson.line(n);
                Outcome outcome = post(id, body);
                if (outcome == Outcome.RETRY) {
                    throw new PartialWriteException(i, "webhook " + url + " took " + i + " of " + updates.size()
                            + " updates: " + lastFailure, null);
                }
                if (outcome == Outcome.REJECTED) {
                    keepRejected(i, updates.size(), body);
                }
                takenOfPartly.add(id);
            }
        }
        partlyTaken = null;
        takenOfPartly.clear();
    }

    /** Notifications delivered by this instance. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Why the last delivery failed, or {@code null}. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    /**
     * The notifications an update gives: a status transition and/or threshold crossings; for a
     * record that left the score's scope, one {@code left_scope} notification (value and status
     * null, the previous ones set) whatever the settings, so a receiver can clear what it keeps.
     */
    public List<Map<String, Object>> notifications(ScoreUpdate update) {
        ScoreResult r = update.result();
        List<Map<String, Object>> out = new ArrayList<>();
        if (update.leftScope()) {
            out.add(withId(base("left_scope", update), ""));
            return out;
        }
        if (statusChanges && update.previousStatus() != null && update.statusChanged()) {
            Map<String, Object> n = base("status_changed", update);
            out.add(withId(n, ""));
        }
        for (Threshold t : thresholds) {
            String direction = t.crossing(r.score(), r.record().type(), update.previousValue(), r.value());
            if (direction != null) {
                Map<String, Object> n = base("threshold_crossed", update);
                Map<String, Object> threshold = new LinkedHashMap<>();
                threshold.put("name", t.name());
                threshold.put("value", t.value());
                threshold.put("direction", direction);
                n.put("threshold", threshold);
                out.add(withId(n, t.name() + "|" + t.value().toPlainString() + "|" + direction));
            }
        }
        return out;
    }

    private static Map<String, Object> base(String kind, ScoreUpdate update) {
        ScoreResult r = update.result();
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", null);
        n.put("kind", kind);
        n.put("score", r.score());
        n.put("record", r.record().toString());
        n.put("value", r.value());
        n.put("status", r.status());
        n.put("previousValue", update.previousValue());
        n.put("previousStatus", update.previousStatus());
        if (r.isCombined()) {
            n.put("engagement", r.engagement());
            n.put("fit", r.fit());
        }
        n.put("properties", r.propertyValues());
        n.put("at", update.at().toString());
        n.put("cause", update.cause());
        return n;
    }

    private static Map<String, Object> withId(Map<String, Object> n, String extra) {
        String identity = n.get("kind") + "|" + n.get("score") + "|" + n.get("record") + "|" + n.get("at") + "|"
                + n.get("value") + "|" + n.get("status") + "|" + extra;
        n.put("id", UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString());
        return n;
    }

    // ---------------------------------------------------------------- delivery

    private enum Outcome { DELIVERED, RETRY, REJECTED }

    private Outcome post(String id, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                lastFailure = null;
                delivered++;
                return Outcome.DELIVERED;
            }
            lastFailure = "HTTP " + status + " from " + url;
            // Only "this content is wrong" is final; 401/403/404 are usually a setting being fixed.
            if (status == 400 || status == 413 || status == 415 || status == 422) {
                return Outcome.REJECTED;
            }
            return Outcome.RETRY;
        } catch (IOException e) {
            // A refused connection comes without a message; say what it is.
            lastFailure = e.getClass().getSimpleName() + " posting to " + url + ": "
                    + (e.getMessage() == null ? "no answer (nothing listening, or the connection was closed)" : e.getMessage());
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = "interrupted";
            return Outcome.RETRY;
        }
    }

    private void keepRejected(int taken, int of, String body) {
        try {
            Path parent = rejectedFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(rejectedFile, body + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new PartialWriteException(taken, "webhook " + url + " took " + taken + " of " + of
                    + " updates: cannot keep a notification it rejected in " + rejectedFile + ": " + e.getMessage(), e);
        }
    }
}
