package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sink entry's {@code outbox}, {@code attempts} and {@code backoff} are the runtime's: a webhook
 * whose endpoint is down during a run loses nothing, the run says so (exit 4, the sink named with
 * its error), and the next run delivers what it kept, once.
 */
class SinkOutboxRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private volatile boolean down = true;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aWebhookWithNothingListeningExitsFourNamingItAndTheNextRunDeliversEachNotificationOnceSigned(String db,
            @TempDir Path dir) throws IOException {
        // A port nothing listens on: taken, then let go.
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = webhookProject(dir, port, TestStore.of(db, dir));
        CliRunner first = CliRunner.run("run", config.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(4);
        assertThat(first.err()).contains("error[SL703]: 400 updates kept undelivered: sink webhook keeps 400 (",
                "ConnectException posting to http://127.0.0.1:" + port + "/hook");
        assertThat(first.out()).contains("sink jsonl: 400 delivered" + System.lineSeparator(),
                "kept for the next run (failed: ").doesNotContain("updates delivered to");
        assertThat(first.out()).containsPattern("sink webhook: \\d+ delivered, \\d+ retried, 400 kept for the next run");

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String signed = headers.getFirst("webhook-id") + "." + headers.getFirst("webhook-timestamp") + "." + body;
            if (!sign(signed).equals(headers.getFirst("webhook-signature"))) {
                badSignatures.add(headers.getFirst("webhook-id"));
            }
            received.add(JSON.readTree(body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("sink webhook: 400 delivered").doesNotContain("kept");
        long warm = warm(dir);
        assertThat(warm).isPositive();
        assertThat(received).hasSize((int) warm);
        assertThat(received.stream().map(n -> n.path("id").asText()).distinct().count()).isEqualTo(warm);
        assertThat(badSignatures).as("each notification signed with the config's secret").isEmpty();
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        assertThat(received).as("a third run sends nothing again").hasSize((int) warm);
    }

    /** The Standard Webhooks signature of {@code content} with the projects' secret, computed here on its own. */
    private static String sign(String content) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static final String SECRET = "not-a-real-secret";

    private static Path webhookProject(Path dir, int port) throws IOException {
        return webhookProject(dir, port, TestStore.of("h2", dir));
    }

    private static Path webhookProject(Path dir, int port, TestStore store) throws IOException {
        Path config = RunCommandTest.quickstart(dir);
        Files.writeString(config, """
                rules: [lead.score]
                adapter: {name: jsonl, dir: data}
                sinks:
                  - {name: jsonl, file: out/scores.jsonl}
                  - name: webhook
                    url: http://127.0.0.1:%d/hook
                    secret: %s
                    thresholds: [{score: "Lead score", value: 10, name: warm}]
                    outbox: out/webhook.outbox
                    attempts: 2
                    backoff: 1ms
                as-of: 2026-03-01T00:00:00Z
                %s""".formatted(port, SECRET, store.configLine()));
        return config;
    }

    /** The updates of the jsonl sink that cross the webhook's threshold: one notification each. */
    private static long warm(Path dir) throws IOException {
        long warm = 0;
        for (String line : Files.readAllLines(dir.resolve("out/scores.jsonl"))) {
            if (JSON.readTree(line).path("value").decimalValue().compareTo(java.math.BigDecimal.TEN) >= 0) {
                warm++;
            }
        }
        return warm;
    }

    @Test
    void aWebhookThatIsDownKeepsItsUpdatesInTheOutboxAndTheNextRunDeliversThem(@TempDir Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!down) {
                received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(down ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        Path config = webhookProject(dir, server.getAddress().getPort());

        CliRunner first = CliRunner.run("run", config.toString());
        // Updates kept undelivered: exit 4 with the coded line naming where they wait.
        assertThat(first.exit()).as(first.err()).isEqualTo(4);
        assertThat(first.err()).contains("error[SL703]: 400 updates kept undelivered: sink webhook keeps 400 (",
                "HTTP 503");
        assertThat(first.out()).contains("400 kept for the next run");
        assertThat(Files.readAllLines(dir.resolve("out/webhook.outbox"))).hasSize(400);
        assertThat(received).isEmpty();

        down = false;
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("kept");
        long warm = warm(dir);
        assertThat(warm).isPositive();
        assertThat(received).hasSize((int) warm)
                .allSatisfy(n -> assertThat(n.path("kind").asText()).isEqualTo("threshold_crossed"));
        assertThat(received.stream().map(n -> n.path("id").asText()).distinct().count()).isEqualTo(warm);
        assertThat(Files.size(dir.resolve("out/webhook.outbox"))).isZero();
    }
}
