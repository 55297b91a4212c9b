package dev.scoreline.plugins.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * POSTs one notification to one endpoint: signed when there is a secret, and patient when the
 * endpoint says so. A 429 or 503 with a {@code Retry-After} (seconds or an HTTP date) of at most
 * {@code maxWait} is waited out (plus up to a tenth more, so senders it slowed together do not
 * come back together) and the same notification is tried again, up to {@link #WAITS} times;
 * a longer one ends the attempt and no request goes to the endpoint before that time has passed
 * ({@link #notBefore()}), whoever retries. Other failures end the attempt at once: the runtime
 * retries with backoff and keeps what was not taken in the sink's outbox.
 *
 * <p>Thread-safe: the sink's lanes share one.
 */
final class WebhookPost {

    enum Outcome { DELIVERED, RETRY, REJECTED }

    /** What one notification's attempt came to, and why when it was not delivered. */
    record Attempt(Outcome outcome, String failure) { }

    /** Retry-After waits per notification before the attempt is given up. */
    static final int WAITS = 3;

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final WebhookSignature signature;
    private final Duration maxWait;
    private final Clock clock;
    private volatile Instant notBefore = Instant.MIN;
    private volatile String lastFailure;

    WebhookPost(URI url, HttpClient client, Duration timeout, Map<String, String> headers, WebhookSignature signature,
                Duration maxWait, Clock clock) {
        this.url = url;
        this.client = client;
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.signature = signature;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Until when the endpoint asked not to be called (a Retry-After longer than the sink waits), or {@link Instant#MIN}. */
    Instant notBefore() {
        return notBefore;
    }

    /** The last failure any attempt met (not cleared by later successes), or null. */
    String lastFailure() {
        return lastFailure;
    }

    Attempt send(String id, String body) {
        for (int waits = 0; ; waits++) {
            HttpResponse<Void> response;
            try {
                response = client.send(request(id, body), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // A refused connection comes without a message; say what it is.
                return failed(Outcome.RETRY, e.getClass().getSimpleName() + " posting to " + url + ": "
                        + (e.getMessage() == null ? "no answer (nothing listening, or the connection was closed)" : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(Outcome.RETRY, "interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(Outcome.DELIVERED, null);
            }
            String failure = "HTTP " + status + " from " + url;
            // Only "this content is wrong" is final; 401/403/404 are usually a setting being fixed.
            if (status == 400 || status == 413 || status == 415 || status == 422) {
                return failed(Outcome.REJECTED, failure);
            }
            Optional<Duration> after = status == 429 || status == 503
                    ? retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    : Optional.empty();
            if (after.isEmpty()) {
                return failed(Outcome.RETRY, failure);
            }
            if (after.get().compareTo(maxWait) > 0 || waits >= WAITS) {
                notBefore = clock.instant().plus(after.get());
                return failed(Outcome.RETRY, failure + " asking to retry after " + after.get().toSeconds() + " s");
            }
            if (!pause(after.get())) {
                return failed(Outcome.RETRY, "interrupted");
            }
        }
    }

    /** A fresh request per attempt: the signature covers its own timestamp, which a receiver checks is recent. */
    private HttpRequest request(String id, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (signature != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature.sign(id, timestamp, body));
        }
        return request.build();
    }

    /** The wait a {@code Retry-After} value asks for: delay-seconds or an HTTP date (RFC 9110); empty when unusable. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Attempt failed(Outcome outcome, String failure) {
        lastFailure = failure;
        return new Attempt(outcome, failure);
    }

    private boolean pause(Duration wait) {
        long millis = wait.toMillis();
        long jitter = millis / 10 == 0 ? 0 : ThreadLocalRandom.current().nextLong(millis / 10 + 1);
        try {
            Thread.sleep(millis + jitter);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
