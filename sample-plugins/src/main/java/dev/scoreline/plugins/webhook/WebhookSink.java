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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs a JSON notification for each status transition (e.g. Low to High) and each threshold a
 * score crosses, and a {@code left_scope} notification for each record that left a score's scope,
 * to one URL.
 *
 * <p>A plain sink: it sends a batch's notifications one POST each, in up to {@code parallelism}
 * lanes at once, each record always in the same lane (by the hash of its key), so a record's
 * notifications arrive in the order its updates happened while different records go out side by
 * side. When the endpoint does not take one, its lane stops, the others stop at their next
 * notification, and the write throws a {@link PartialWriteException} saying how many of the
 * batch's updates were taken (those before the first that was not). The runtime retries with
 * backoff and keeps exactly the rest in the sink's outbox, so nothing is lost; of the rest, the
 * notifications that did go out (other lanes ran ahead) are not sent again when the runtime
 * offers those updates anew.
 *
 * <p>With a {@code secret}, each POST is signed as Standard Webhooks says ({@link WebhookSignature}:
 * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). A 429 or 503 with a
 * {@code Retry-After} is honoured ({@link WebhookPost}).
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

    public static final int DEFAULT_PARALLELISM = 4;

    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

    public static final class Builder {
        private final URI url;
        private Path rejected = DEFAULT_REJECTED;
        private final List<Threshold> thresholds = new ArrayList<>();
        private boolean statusChanges = true;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient client;
        private String id = "webhook";
        private WebhookSignature signature;
        private int parallelism = DEFAULT_PARALLELISM;
        private Duration maxRetryWait = DEFAULT_MAX_RETRY_WAIT;

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

        /** The name messages use for this webhook, its id in a config (default {@code webhook}). */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Signs every POST with this secret ({@code whsec_<base64>} or plain text); see {@link WebhookSignature}. */
        public Builder secret(String secret) {
            this.signature = WebhookSignature.of(secret);
            return this;
        }

        /** How many records' notifications go out at once (default {@value #DEFAULT_PARALLELISM}; 1 sends one at a time). */
        public Builder parallelism(int lanes) {
            if (lanes < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + lanes);
            }
            this.parallelism = lanes;
            return this;
        }

        /** The longest {@code Retry-After} waited out in place (default 30 s); a longer one is left to later writes. */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        public WebhookSink build() {
            return new WebhookSink(this);
        }
    }

    public static Builder to(URI url) {
        return new Builder(url);
    }

    private final Builder settings;
    private final String id;
    private final Path rejectedFile;
    private final List<Threshold> thresholds;
    private final boolean statusChanges;
    private final int parallelism;
    private final Object rejectedLock = new Object();
    private WebhookPost post;
    private ExecutorService lanes;
    private final AtomicLong delivered = new AtomicLong();
    /**
     * Notifications sent for updates at or after the point a write stopped (a lane that ran ahead,
     * or the first half of an update): the runtime offers those updates again, and these are skipped.
     */
    private final Set<String> sentAhead = new HashSet<>();

    private WebhookSink(Builder b) {
        this.settings = b;
        this.id = b.id;
        this.rejectedFile = b.rejected;
        this.thresholds = List.copyOf(b.thresholds);
        this.statusChanges = b.statusChanges;
        this.parallelism = b.parallelism;
    }

    /**
     * The sink a config file's entry describes:
     * <pre>
     * sinks:
     *   - name: webhook
     *     id: crm-hook                     # needed when the config has a second webhook
     *     url: https://hooks.example.com/scoreline
     *     secret-env: CRM_HOOK_SECRET      # or secret: whsec_...; signs every POST
     *     parallelism: 4
     *     thresholds:
     *       - { score: "Deal score", record-type: deal, value: 75, direction: up, name: "hot deal" }
     *     headers: { Authorization: "Bearer ..." }
     * </pre>
     */
    public static WebhookSink fromSettings(PluginSettings s) {
        String id = s.id() == null ? "webhook" : s.id();
        Builder b = to(s.requiredUri("url", Set.of("http", "https"))).id(id)
                .rejected(s.optionalPath("rejected").orElse(defaultRejected(id)))
                .statusChanges(s.bool("status-changes", true))
                .timeout(s.duration("timeout", Duration.ofSeconds(10)))
                .parallelism(s.integer("parallelism", DEFAULT_PARALLELISM, 1, 64))
                .maxRetryWait(s.duration("max-retry-wait", DEFAULT_MAX_RETRY_WAIT));
        secret(s).ifPresent(secret -> {
            try {
                b.secret(secret);
            } catch (IllegalArgumentException e) {
                throw s.error(s.has("secret") ? "secret" : "secret-env", e.getMessage());
            }
        });
        List<Map<String, Object>> thresholds = s.mapList("thresholds");
        for (int i = 0; i < thresholds.size(); i++) {
            b.threshold(threshold(PluginSettings.of(s.owner() + ", threshold " + (i + 1), thresholds.get(i))));
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

    /** The first webhook keeps the historical file; another id gets its own, so two webhooks never share one. */
    private static Path defaultRejected(String id) {
        return id.equals("webhook") ? DEFAULT_REJECTED : DEFAULT_REJECTED.resolveSibling(id + "-rejected.jsonl");
    }

    /** The signing secret, from {@code secret} or the environment variable {@code secret-env} names; never echoed. */
    private static java.util.Optional<String> secret(PluginSettings s) {
        java.util.Optional<String> env = s.optionalString("secret-env");
        if (s.has("secret") && env.isPresent()) {
            throw s.error("secret-env", "cannot be given together with \"secret\"; keep one");
        }
        if (env.isPresent()) {
            String value = System.getenv(env.get());
            if (value == null || value.isEmpty()) {
                throw s.error("secret-env", "names the environment variable " + env.get() + ", which is not set");
            }
            return java.util.Optional.of(value);
        }
        Object raw = s.raw("secret");
        if (raw != null && !(raw instanceof String)) {
            throw s.error("secret", "must be text (quote it)");
        }
        return java.util.Optional.ofNullable((String) raw).filter(secret -> !secret.isEmpty());
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
        out.put("rejected", "file of notifications the endpoint refused for good (default " + DEFAULT_REJECTED
                + "; with an id other than webhook, scoreline-data/ID-rejected.jsonl)");
        out.put("status-changes", "notify status transitions (default true)");
        out.put("thresholds", "list of {value (required), score, record-type, direction up|down|both (default up), name}");
        out.put("headers", "map of extra HTTP headers, e.g. Authorization");
        out.put("timeout", "per request (default 10s)");
        out.put("secret", "signs every POST (Standard Webhooks: whsec_<base64> or plain text); never logged");
        out.put("secret-env", "the environment variable holding the secret, instead of secret");
        out.put("parallelism", "records whose notifications go out at once, each record's in order (1-64, default 4)");
        out.put("max-retry-wait", "longest Retry-After of a 429/503 waited out in place (default 30s)");
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** The id this webhook was given (its name in messages); {@code webhook} unless a config chose one. */
    public String id() {
        return id;
    }

    @Override
    public synchronized void open() {
        if (post == null) {
            HttpClient client = settings.client != null ? settings.client
                    : HttpClient.newBuilder().connectTimeout(settings.timeout).build();
            post = new WebhookPost(settings.url, client, settings.timeout, settings.headers, settings.signature,
                    settings.maxRetryWait, Clock.systemUTC());
        }
        if (lanes == null && parallelism > 1) {
            AtomicInteger n = new AtomicInteger();
            lanes = Executors.newFixedThreadPool(parallelism, task -> {
                Thread t = new Thread(task, "webhook-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public synchronized void close() {
        if (lanes != null) {
            lanes.shutdown();
            lanes = null;
        }
    }

    /**
     * Sends the notifications of each update, a record's in order, records side by side.
     *
     * @throws PartialWriteException when the endpoint does not take one: the updates before the
     *         first one not wholly taken were taken, that update and the rest were not
     */
    @Override
    public synchronized void write(List<ScoreUpdate> updates) {
        open();
        Instant notBefore = post.notBefore();
        if (Instant.now().isBefore(notBefore)) {
            // The endpoint asked for quiet until then; asking again sooner would only be refused.
            throw new PartialWriteException(0, "webhook " + id + " took 0 of " + updates.size()
                    + " updates: " + post.lastFailure() + " (until " + notBefore + ")", null);
        }
        List<List<Pending>> byLane = lanes(updates);
        AtomicBoolean stop = new AtomicBoolean();
        List<Lane> done = run(byLane, stop);
        int taken = updates.size();
        String failure = null;
        for (Lane lane : done) {
            if (lane.stoppedAt < taken) {
                taken = lane.stoppedAt;
                failure = lane.failure;
            }
        }
        if (taken == updates.size()) {
            sentAhead.clear();
            return;
        }
        for (Lane lane : done) {
            for (Pending p : lane.sent) {
                if (p.update >= taken) {
                    sentAhead.add(p.id);
                }
            }
        }
        throw new PartialWriteException(taken, "webhook " + id + " took " + taken + " of " + updates.size()
                + " updates: " + failure, null);
    }

    /** Notifications delivered by this instance. */
    public long delivered() {
        return delivered.get();
    }

    /** Why a delivery last failed, or {@code null} when none has. */
    public String lastFailure() {
        return post == null ? null : post.lastFailure();
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

    /** One notification to send: the index of its update in the batch, its id and body. */
    private record Pending(int update, String id, String body) { }

    /** What one lane did: the notifications it sent, and the update it stopped at (MAX_VALUE: none) and why. */
    private static final class Lane {
        final List<Pending> sent = new ArrayList<>();
        int stoppedAt = Integer.MAX_VALUE;
        String failure;
    }

    /** The batch's notifications not yet sent, by lane: a record's always in the same lane, in batch order. */
    private List<List<Pending>> lanes(List<ScoreUpdate> updates) {
        List<List<Pending>> byLane = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            byLane.add(new ArrayList<>());
        }
        for (int i = 0; i < updates.size(); i++) {
            ScoreUpdate update = updates.get(i);
            int lane = Math.floorMod(update.result().record().hashCode(), parallelism);
            for (Map<String, Object> n : notifications(update)) {
                String nid = (String) n.get("id");
                if (!sentAhead.contains(nid)) {
                    byLane.get(lane).add(new Pending(i, nid, UpdateJson.line(n)));
                }
            }
        }
        byLane.removeIf(List::isEmpty);
        return byLane;
    }

    /** Sends every lane, on the lane threads when there is more than one, and waits for them all. */
    private List<Lane> run(List<List<Pending>> byLane, AtomicBoolean stop) {
        if (byLane.size() <= 1 || lanes == null) {
            List<Lane> out = new ArrayList<>();
            byLane.forEach(pending -> out.add(send(pending, stop)));
            return out;
        }
        List<Future<Lane>> futures = new ArrayList<>();
        byLane.forEach(pending -> futures.add(lanes.submit(() -> send(pending, stop))));
        List<Lane> out = new ArrayList<>();
        for (Future<Lane> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                Lane interrupted = new Lane();
                interrupted.stoppedAt = 0;
                interrupted.failure = "interrupted";
                out.add(interrupted);
            } catch (ExecutionException e) {
                throw new IllegalStateException("webhook " + id + ": a lane failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** Sends one lane in order until the endpoint does not take one, or another lane stopped. */
    private Lane send(List<Pending> pending, AtomicBoolean stop) {
        Lane lane = new Lane();
        for (Pending p : pending) {
            if (stop.get()) {
                lane.stoppedAt = p.update;
                lane.failure = "stopped with another lane: " + post.lastFailure();
                return lane;
            }
            WebhookPost.Attempt attempt = post.send(p.id, p.body);
            WebhookPost.Outcome outcome = attempt.outcome();
            String problem = outcome == WebhookPost.Outcome.RETRY ? attempt.failure()
                    : outcome == WebhookPost.Outcome.REJECTED ? keepRejected(p.body) : null;
            if (problem != null) {
                stop.set(true);
                lane.stoppedAt = p.update;
                lane.failure = problem;
                return lane;
            }
            if (outcome == WebhookPost.Outcome.DELIVERED) {
                delivered.incrementAndGet();
            }
            lane.sent.add(p);
        }
        return lane;
    }

    /** Appends a notification the endpoint refused for good; the problem when it cannot be kept, else null. */
    private String keepRejected(String body) {
        synchronized (rejectedLock) {
            try {
                Path parent = rejectedFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(rejectedFile, body + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                return null;
            } catch (IOException e) {
                return "cannot keep a notification it rejected in " + rejectedFile + ": " + e.getMessage();
            }
        }
    }
}
