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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sinks of one kind in one config, told apart by their {@code id}: two webhooks to two URLs
 * and two jsonl files each receive everything, and each keeps its own outbox under its id.
 */
class SinkInstancesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void endpoint(String path) {
        received.put(path, new CopyOnWriteArrayList<>());
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean isDown = down.getOrDefault(path, false);
            if (!isDown) {
                received.get(path).add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(isDown ? 503 : 204, -1);
            exchange.close();
        });
    }

    @Test
    void twoWebhooksAndTwoJsonlFilesInOneConfigEachReceiveEverything(@TempDir Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint("/crm");
        endpoint("/chat");
        server.start();
        down.put("/chat", true);   // the second webhook is down for the first run: only its outbox fills
        Path config = RunCommandTest.quickstart(dir);
        Files.writeString(config, """
                rules: [lead.score]
                adapter: {name: jsonl, dir: data}
                sinks:
                  - {name: jsonl, file: out/scores.jsonl}
                  - {name: jsonl, id: audit, file: out/audit.jsonl}
                  - name: webhook
                    id: crm-hook
                    url: http://127.0.0.1:%1$d/crm
                    thresholds: [{score: "Lead score", value: 10, name: warm}]
                    secret: whsec_c2VjcmV0LWtleS1ieXRlcw==
                  - name: webhook
                    id: chat-hook
                    url: http://127.0.0.1:%1$d/chat
                    thresholds: [{score: "Lead score", value: 10, name: warm}]
                    attempts: 1
                outbox: out/outbox
                store: embedded
                as-of: 2026-03-01T00:00:00Z
                """.formatted(server.getAddress().getPort()));

        CliRunner first = CliRunner.run("run", config.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(4);
        assertThat(first.out()).contains("sink jsonl: 400 delivered", "sink audit: 400 delivered", "sink crm-hook: 400 delivered",
                "sink chat-hook: 0 delivered, 400 kept for the next run");
        List<String> scores = Files.readAllLines(dir.resolve("out/scores.jsonl"));
        assertThat(scores).hasSize(400);
        assertThat(Files.readAllLines(dir.resolve("out/audit.jsonl"))).isEqualTo(scores);
        long warm = scores.stream().filter(line -> value(line).compareTo(java.math.BigDecimal.TEN) >= 0).count();
        assertThat(warm).isPositive();
        assertThat(received.get("/crm")).hasSize((int) warm);
        assertThat(received.get("/chat")).isEmpty();
        // Each instance its own outbox, named by its id: only the webhook that was down owes anything.
        assertThat(Files.readAllLines(dir.resolve("out/outbox/chat-hook.outbox"))).hasSize(400);
        assertThat(dir.resolve("out/outbox/crm-hook.outbox")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());

        down.put("/chat", false);
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(received.get("/chat")).extracting(n -> n.path("id").asText())
                .containsExactlyInAnyOrderElementsOf(received.get("/crm").stream().map(n -> n.path("id").asText()).toList());
        assertThat(received.get("/crm")).hasSize((int) warm);   // the second run changed nothing, so nothing more
    }

    private static java.math.BigDecimal value(String line) {
        try {
            return JSON.readTree(line).path("value").decimalValue();
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
