package dev.scoreline.plugins.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing, Retry-After and parallel lanes, against a real HTTP server on loopback. */
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "the-receivers-shared-key".getBytes(StandardCharsets.UTF_8);

    /** What the server saw of one request, by its own clock. */
    record Seen(long nanos, Map<String, String> headers, String body, int status) { }

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Answers every request with {@code answer}'s status, after recording it. */
    interface Answer {
        int status(int call, JsonNode body, HttpExchange exchange) throws IOException;
    }

    private URI start(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            int status = answer.status(calls.incrementAndGet(), JSON.readTree(body), exchange);
            seen.add(new Seen(at, headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static List<ScoreUpdate> updates(int records, int steps) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            for (int r = 0; r < records; r++) {
                out.add(TestUpdates.update("Deal score", "deal:d" + r, Integer.toString(step), step % 2 == 0 ? "High" : "Low")
                        .previous(Integer.toString(step - 1), step % 2 == 0 ? "Low" : "High")
                        .at("2026-03-01T00:00:" + String.format("%02d", step) + "Z").build());
            }
        }
        return out;
    }

    /** The receiver's side, written from the Standard Webhooks text and not from the sink's code. */
    private static boolean verifies(Seen s, byte[] key) throws Exception {
        String id = s.headers().get("webhook-id");
        String timestamp = s.headers().get("webhook-timestamp");
        String signatures = s.headers().get("webhook-signature");
        if (id == null || timestamp == null || signatures == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + s.body()).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPostIsSignedAsStandardWebhooksSaysAndAReceiverCanCheckIt(@TempDir Path dir) throws Exception {
        URI url = start((call, body, exchange) -> 204);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(KEY);
        WebhookSink webhook = WebhookSink.to(url).secret(secret).rejected(dir.resolve("r.jsonl")).build();
        SinkTestKit.drive(webhook, List.of(updates(3, 2)));

        assertThat(seen).hasSize(6).allSatisfy(s -> {
            assertThat(verifies(s, KEY)).as(s.headers().toString()).isTrue();
            assertThat(s.headers().get("webhook-id")).isEqualTo(JSON.readTree(s.body()).path("id").asText());
        });
        assertThat(verifies(seen.get(0), "another-key".getBytes(StandardCharsets.UTF_8))).isFalse();
        // A plain secret is its own UTF-8 bytes.
        seen.clear();
        SinkTestKit.drive(WebhookSink.to(url).secret(new String(KEY, StandardCharsets.UTF_8)).build(),
                List.of(updates(1, 1)));
        assertThat(seen).singleElement().satisfies(s -> assertThat(verifies(s, KEY)).isTrue());
    }

    @Test
    void aSecretNeverAppearsInAnError() {
        String secret = "whsec_not*base64*" + "hunter2";
        assertThatThrownBy(() -> WebhookSink.fromSettings(PluginSettings.of("sink \"crm-hook\" (webhook)",
                Map.of("url", "https://hooks.example.com/x", "secret", secret))))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessageContaining("setting \"secret\" starts with whsec_ but the rest is not base64")
                .message().doesNotContain("hunter2");
        assertThat(WebhookSignature.of(secret.replace("whsec_", ""))).asString().doesNotContain("hunter2");
    }

    @Test
    void a503WithRetryAfterIsWaitedOutBeforeTheSameNotificationGoesAgain(@TempDir Path dir) throws Exception {
        URI url = start((call, body, exchange) -> {
            if (call == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                return 503;
            }
            return 204;
        });
        WebhookSink webhook = WebhookSink.to(url).rejected(dir.resolve("r.jsonl")).build();
        webhook.open();
        webhook.write(updates(1, 1));   // no exception: the sink waited and the endpoint took it

        assertThat(seen).extracting(Seen::status).containsExactly(503, 204);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        // By the server's own clock: the second request came no sooner than it asked (loosely).
        assertThat(Duration.ofNanos(seen.get(1).nanos() - seen.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterLongerThanTheSinkWaitsKeepsEveryWriteAwayUntilThen(@TempDir Path dir) throws Exception {
        URI url = start((call, body, exchange) -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            return 429;
        });
        WebhookSink webhook = WebhookSink.to(url).rejected(dir.resolve("r.jsonl")).maxRetryWait(Duration.ofSeconds(5)).build();
        webhook.open();
        assertThatThrownBy(() -> webhook.write(updates(1, 1))).isInstanceOfSatisfying(PartialWriteException.class,
                e -> assertThat(e.taken()).isZero()).hasMessageContaining("asking to retry after 120 s");
        assertThatThrownBy(() -> webhook.write(updates(1, 1))).isInstanceOf(PartialWriteException.class);
        assertThat(calls.get()).isEqualTo(1);   // the second write did not call an endpoint that asked for quiet
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(90), ZoneOffset.UTC));
        assertThat(WebhookPost.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(WebhookPost.retryAfter(date, now)).contains(Duration.ofSeconds(90));
        assertThat(WebhookPost.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(WebhookPost.retryAfter("soon", now)).isEmpty();
    }

    @Test
    void recordsGoOutSideBySideAndEachRecordsNotificationsStayInOrderThroughFailures(@TempDir Path dir) throws Exception {
        CountDownLatch together = new CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger d3Calls = new java.util.concurrent.atomic.AtomicInteger();
        URI url = start((call, body, exchange) -> {
            together.countDown();
            try {
                // The first request waits for a second one while it is in flight: with one lane it would wait in vain.
                if (call == 1) {
                    overlapped.set(together.await(2, TimeUnit.SECONDS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // deal:d3's 2nd and 5th calls fail: its lane stops while the others ran ahead. Counted per
            // record, not by the global call number, which lanes interleave at random.
            if (!body.path("record").asText().equals("deal:d3")) {
                return 204;
            }
            int nth = d3Calls.incrementAndGet();
            return nth == 2 || nth == 5 ? 503 : 204;
        });
        List<ScoreUpdate> sent = updates(8, 6);
        WebhookSink webhook = WebhookSink.to(url).rejected(dir.resolve("r.jsonl")).parallelism(4).build();
        SinkTestKit.Result result = SinkTestKit.drive(webhook, SinkTestKit.batches(sent, 16));

        assertThat(overlapped).isTrue();
        List<Seen> taken = seen.stream().filter(s -> s.status() == 204).toList();
        assertThat(taken).extracting(s -> s.headers().get("idempotency-key")).doesNotHaveDuplicates().hasSize(sent.size());
        Map<String, List<String>> perRecord = new LinkedHashMap<>();
        for (Seen s : taken) {
            JsonNode n = JSON.readTree(s.body());
            perRecord.computeIfAbsent(n.path("record").asText(), k -> new ArrayList<>()).add(n.path("at").asText());
        }
        assertThat(perRecord).hasSize(8).allSatisfy((record, times) -> assertThat(times).isSorted().hasSize(6));
        assertThat(result.refusedWrites()).isPositive();
    }
}
