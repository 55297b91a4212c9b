package dev.scoreline.plugins.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scoreline.api.ReliableSink.RetryPolicy;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.internal.DurableQueue;
import dev.scoreline.plugins.internal.UpdateJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * POSTs a JSON notification for each status transition (e.g. Low to High) and each threshold a
 * score crosses, to one URL.
 *
 * <p>Nothing is lost when the endpoint is down: {@link #write} first appends the batch's
 * notifications to a durable outbox file (forced to disk), then delivers from the outbox, oldest
 * first, one POST each, retrying with exponential backoff. What is still undelivered stays in the
 * outbox and goes out on a later write, on {@link #flush}/{@link #close}, or on the next run's
 * {@link #open}. Delivery is in order: a notification is not sent before every earlier one was
 * delivered, so a record's notifications arrive in the order its updates happened.
 *
 * <p>Each notification carries an {@code id} (also sent as the {@code Idempotency-Key} header)
 * that is the same every time it is sent, so a receiver can drop the rare duplicate (a crash
 * after the endpoint took a notification and before the outbox recorded it). A response of 2xx
 * is delivered; 400, 413, 415 and 422 mean the endpoint will never take that notification, so it
 * is moved to {@code OUTBOX.rejected} (kept, never dropped) and delivery goes on; anything else
 * (5xx, 429, 401 while a token is fixed, no answer) is retried.
 */
public final class WebhookSink implements ScoreSink {

    public static final class Builder {
        private final URI url;
        private Path outbox;
        private final List<Threshold> thresholds = new ArrayList<>();
        private boolean statusChanges = true;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5));
        private Duration pauseAfterFailure = Duration.ofSeconds(5);
        private HttpClient client;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The outbox file (required): pending notifications, kept across runs. */
        public Builder outbox(Path file) {
            this.outbox = file;
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

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /** After a delivery round fails, later writes only queue for this long, so a down endpoint does not slow the run. */
        public Builder pauseAfterFailure(Duration pause) {
            this.pauseAfterFailure = Objects.requireNonNull(pause);
            return this;
        }

        public Builder client(HttpClient client) {
            this.client = client;
            return this;
        }

        public WebhookSink build() {
            if (outbox == null) {
                throw new IllegalStateException("a webhook sink needs an outbox file");
            }
            return new WebhookSink(this);
        }
    }

    public static Builder to(URI url) {
        return new Builder(url);
    }

    private final URI url;
    private final Path outboxFile;
    private final List<Threshold> thresholds;
    private final boolean statusChanges;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Duration pauseAfterFailure;
    private final Clock clock = Clock.systemUTC();
    private HttpClient client;
    private DurableQueue outbox;
    private Instant pausedUntil = Instant.MIN;
    private String lastFailure;
    private long delivered;

    private WebhookSink(Builder b) {
        this.url = b.url;
        this.outboxFile = b.outbox;
        this.thresholds = List.copyOf(b.thresholds);
        this.statusChanges = b.statusChanges;
        this.headers = Map.copyOf(b.headers);
        this.timeout = b.timeout;
        this.retry = b.retry;
        this.pauseAfterFailure = b.pauseAfterFailure;
        this.client = b.client;
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** Opens the outbox and delivers what earlier runs left in it. */
    @Override
    public synchronized void open() {
        ensureOpen();
        deliverPending(true);
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) {
        ensureOpen();
        List<String> lines = new ArrayList<>();
        for (ScoreUpdate update : updates) {
            for (Map<String, Object> n : notifications(update)) {
                lines.add(UpdateJson.line(n));
            }
        }
        outbox.append(lines);
        deliverPending(false);
    }

    @Override
    public synchronized void flush() {
        ensureOpen();
        deliverPending(true);
    }

    @Override
    public synchronized void close() {
        if (outbox != null) {
            deliverPending(true);
        }
    }

    /** Notifications waiting in the outbox. */
    public synchronized long pending() {
        ensureOpen();
        return outbox.pending();
    }

    /** Notifications delivered by this instance. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Why the last delivery failed, or {@code null}. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    /** The notifications an update gives: a status transition and/or threshold crossings. */
    public List<Map<String, Object>> notifications(ScoreUpdate update) {
        ScoreResult r = update.result();
        List<Map<String, Object>> out = new ArrayList<>();
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

    private void ensureOpen() {
        if (outbox == null) {
            outbox = new DurableQueue(outboxFile);
        }
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).build();
        }
    }

    private enum Outcome { DELIVERED, RETRY, REJECTED }

    /** Delivers from the head of the outbox until it is empty or a notification cannot go now. */
    private void deliverPending(boolean evenIfPaused) {
        if (!evenIfPaused && clock.instant().isBefore(pausedUntil)) {
            return;
        }
        while (!outbox.isEmpty()) {
            DurableQueue.Chunk head = outbox.peek(1);
            if (head.lines().isEmpty()) {
                return;
            }
            String body = head.lines().get(0);
            Outcome outcome = Outcome.RETRY;
            for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
                outcome = post(body);
                if (outcome != Outcome.RETRY) {
                    break;
                }
                if (attempt < retry.attempts()) {
                    sleep(retry.backoff(attempt));
                }
            }
            if (outcome == Outcome.RETRY) {
                pausedUntil = clock.instant().plus(pauseAfterFailure);
                return;
            }
            if (outcome == Outcome.REJECTED) {
                reject(body);
            } else {
                delivered++;
            }
            outbox.ack(head);
        }
    }

    private Outcome post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idOf(body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                lastFailure = null;
                return Outcome.DELIVERED;
            }
            lastFailure = "HTTP " + status + " from " + url;
            // Only "this content is wrong" is final; 401/403/404 are usually a setting being fixed.
            if (status == 400 || status == 413 || status == 415 || status == 422) {
                return Outcome.REJECTED;
            }
            return Outcome.RETRY;
        } catch (IOException e) {
            lastFailure = e.getClass().getSimpleName() + " posting to " + url + ": " + e.getMessage();
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = "interrupted";
            return Outcome.RETRY;
        }
    }

    private void reject(String body) {
        Path rejected = outbox.file().resolveSibling(outbox.file().getFileName() + ".rejected");
        try {
            Files.writeString(rejected, body + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a rejected notification in " + rejected, e);
        }
    }

    private static String idOf(String body) {
        try {
            return UpdateJson.MAPPER.readTree(body).path("id").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
