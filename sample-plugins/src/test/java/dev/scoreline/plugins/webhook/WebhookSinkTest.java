package dev.scoreline.plugins.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real HTTP server on loopback that fails its first calls. */
class WebhookSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failFirst;
    private volatile int rejectStatus;
    private volatile int failFromCall = Integer.MAX_VALUE;

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            int status;
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (n <= failFirst || n >= failFromCall) {
                status = 503;
            } else if (rejectStatus != 0 && node.path("record").asText().equals("deal:poison")) {
                status = rejectStatus;
            } else {
                received.add(node);
                idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                status = 204;
            }
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
        }
    }

    /** One lane: these tests fail chosen calls by their number, so the calls must come in a known order. */
    private static WebhookSink.Builder sink(URI url, Path rejected) {
        return WebhookSink.to(url).rejected(rejected).parallelism(1)
                .threshold(new Threshold("hot deal", "Deal score", "deal", new BigDecimal("75"), Threshold.Direction.UP))
                .timeout(Duration.ofSeconds(30));
    }

    /** Each update moves its record's value by 10 and flips its status: every one is a notification. */
    private static List<ScoreUpdate> updates(int records, int steps) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            for (int r = 0; r < records; r++) {
                String status = step % 2 == 0 ? "High" : "Low";
                String previous = step % 2 == 0 ? "Low" : "High";
                out.add(TestUpdates.update("Deal score", "deal:d" + r, Integer.toString(10 * step), status)
                        .previous(Integer.toString(10 * step - 10), previous)
                        .at("2026-03-01T00:00:" + String.format("%02d", step) + "Z").build());
            }
        }
        return out;
    }

    @Test
    void everyNotificationIsDeliveredExactlyOnceAndInOrderPerRecord(@TempDir Path dir) throws Exception {
        URI url = start();
        failFirst = 5;
        List<ScoreUpdate> sent = updates(3, 10);   // values 0..90: "hot deal" crossed at 80 once per record
        WebhookSink webhook = sink(url, dir.resolve("rejected.jsonl")).build();

        // SinkTestKit offers what a write did not take again, as the runtime's outbox does.
        SinkTestKit.Result result = SinkTestKit.drive(webhook, SinkTestKit.batches(sent, 4));

        assertThat(result.refusedWrites()).isEqualTo(5);   // each failed POST stopped its write and said so
        assertThat(calls.get()).isEqualTo(received.size() + 5);  // the failures really happened, nothing went twice
        assertThat(webhook.delivered()).isEqualTo(received.size());
        List<JsonNode> transitions = received.stream().filter(n -> n.path("kind").asText().equals("status_changed")).toList();
        assertThat(transitions).hasSize(sent.size());
        Map<String, List<String>> perRecord = new LinkedHashMap<>();
        for (JsonNode n : transitions) {
            perRecord.computeIfAbsent(n.path("record").asText(), k -> new ArrayList<>()).add(n.path("at").asText());
        }
        for (List<String> times : perRecord.values()) {
            assertThat(times).isSorted().doesNotHaveDuplicates().hasSize(10);
        }
        List<JsonNode> crossings = received.stream().filter(n -> n.path("kind").asText().equals("threshold_crossed")).toList();
        assertThat(crossings).hasSize(3).allSatisfy(n -> {
            assertThat(n.path("value").decimalValue()).isEqualByComparingTo("80");
            assertThat(n.path("threshold").path("name").asText()).isEqualTo("hot deal");
            assertThat(n.path("threshold").path("direction").asText()).isEqualTo("up");
        });
        assertThat(idempotencyKeys).doesNotHaveDuplicates().hasSize(received.size());
        assertThat(received).allSatisfy(n -> assertThat(idempotencyKeys).contains(n.path("id").asText()));
    }

    @Test
    void anUnreachableEndpointTakesNothingAndTheSameBatchGoesOutInOrderOnceItIsBack(@TempDir Path dir) throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:9/hook");   // discard port: connection refused
        List<ScoreUpdate> sent = updates(2, 3);
        WebhookSink first = sink(nowhere, dir.resolve("rejected.jsonl")).build();
        first.open();
        assertThatThrownBy(() -> first.write(sent)).isInstanceOfSatisfying(PartialWriteException.class,
                e -> assertThat(e.taken()).isZero());
        assertThat(first.lastFailure()).contains("127.0.0.1");
        assertThat(first.delivered()).isZero();

        URI url = start();
        WebhookSink second = sink(url, dir.resolve("rejected.jsonl")).build();
        SinkTestKit.drive(second, List.of(sent));   // the next run: what the runtime kept goes out
        assertThat(received).extracting(n -> n.path("record").asText() + "@" + n.path("at").asText())
                .containsExactly("deal:d0@2026-03-01T00:00:00Z", "deal:d1@2026-03-01T00:00:00Z",
                        "deal:d0@2026-03-01T00:00:01Z", "deal:d1@2026-03-01T00:00:01Z",
                        "deal:d0@2026-03-01T00:00:02Z", "deal:d1@2026-03-01T00:00:02Z");
    }

    @Test
    void anEndpointThatFailsHalfwaySaysHowManyUpdatesItTookAndNothingIsSentTwice(@TempDir Path dir) throws Exception {
        URI url = start();
        // Each update below gives two notifications: a status change and a "hot deal" crossing.
        List<ScoreUpdate> sent = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            sent.add(TestUpdates.update("Deal score", "deal:d" + r, "80", "High").previous("10", "Low").build());
        }
        failFromCall = 4;   // calls 1-3 succeed: update 0 whole, update 1 half
        WebhookSink webhook = sink(url, dir.resolve("rejected.jsonl")).build();
        webhook.open();
        assertThatThrownBy(() -> webhook.write(sent)).isInstanceOfSatisfying(PartialWriteException.class,
                e -> assertThat(e.taken()).isEqualTo(1));
        assertThat(received).hasSize(3);

        failFromCall = Integer.MAX_VALUE;   // back: the runtime offers the rest, updates 1 and 2
        webhook.write(sent.subList(1, 3));

        assertThat(received).extracting(n -> n.path("record").asText() + " " + n.path("kind").asText())
                .containsExactly("deal:d0 status_changed", "deal:d0 threshold_crossed",
                        "deal:d1 status_changed", "deal:d1 threshold_crossed",
                        "deal:d2 status_changed", "deal:d2 threshold_crossed");
        assertThat(idempotencyKeys).doesNotHaveDuplicates();
    }

    @Test
    void aNotificationTheEndpointRejectsIsKeptAsideAndTheRestGoOn(@TempDir Path dir) throws Exception {
        URI url = start();
        rejectStatus = 422;
        WebhookSink webhook = sink(url, dir.resolve("rejected.jsonl")).build();
        List<ScoreUpdate> sent = List.of(
                TestUpdates.update("Deal score", "deal:poison", "80", "High").previous("10", "Low").build(),
                TestUpdates.update("Deal score", "deal:ok", "80", "High").previous("10", "Low").build());
        SinkTestKit.drive(webhook, List.of(sent));

        assertThat(received).extracting(n -> n.path("record").asText()).containsOnly("deal:ok");
        assertThat(Files.readAllLines(dir.resolve("rejected.jsonl"))).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("deal:poison"));
    }

    @Test
    void thresholdsCrossDownAndOnlyForTheirScoreAndType() {
        WebhookSink webhook = WebhookSink.to(URI.create("http://127.0.0.1:9/"))
                .statusChanges(false)
                .threshold(new Threshold(null, "Deal score", "deal", new BigDecimal("75"), Threshold.Direction.BOTH))
                .build();
        assertThat(webhook.notifications(TestUpdates.update("Deal score", "deal:d", "70", "Low").previous("75", "Low").build()))
                .singleElement().satisfies(n -> assertThat(n.get("threshold").toString()).contains("direction=down"));
        assertThat(webhook.notifications(TestUpdates.update("Deal score", "deal:d", "75", "Low").previous(null, null).build()))
                .hasSize(1);
        assertThat(webhook.notifications(TestUpdates.update("Lead score", "deal:d", "90", "Low").previous("1", "Low").build()))
                .isEmpty();
        assertThat(webhook.notifications(TestUpdates.update("Deal score", "contact:c", "90", "Low").previous("1", "Low").build()))
                .isEmpty();
        assertThat(webhook.notifications(TestUpdates.update("Deal score", "deal:d", "90", "Low").previous("80", "Low").build()))
                .isEmpty();
    }
}
