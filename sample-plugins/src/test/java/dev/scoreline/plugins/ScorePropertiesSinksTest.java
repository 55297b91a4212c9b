package dev.scoreline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.internal.CsvReader;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.plugins.webhook.WebhookSink;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file and webhook sinks write a score under the names of its record properties: written with
 * {@code property}/{@code status property}, derived from the score's name, and the engagement
 * and fit of a combined score (the jdbc sink's rows: {@code JdbcSinkTest}).
 */
class ScorePropertiesSinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<ScoreUpdate> UPDATES = List.of(
            TestUpdates.update("Lead score", "contact:c1", "29", "Low").previous("10", "High").build(),
            TestUpdates.update("Deal score", "deal:d1", "55.5", "Medium").property("hs_deal", "hs_deal_tier")
                    .previous("20", "Low").build(),
            TestUpdates.update("Buying intent", "contact:c1", "80", "A1").combined("40.25", "39.75")
                    .property("intent", null).previous("70", "B2").build());

    /** What every sink must say, one line per property: record, name, value. */
    private static final List<String> EXPECTED = List.of(
            "contact:c1 lead_score 29", "contact:c1 lead_score_status Low",
            "deal:d1 hs_deal 55.5", "deal:d1 hs_deal_tier Medium",
            "contact:c1 intent 80", "contact:c1 intent_status A1",
            "contact:c1 intent_engagement 40.25", "contact:c1 intent_fit 39.75");

    private static List<String> lines(String record, JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fields().forEachRemaining(p -> out.add(record + " " + p.getKey() + " " + p.getValue().asText()));
        return out;
    }

    @Test
    void jsonlWritesThePropertiesBesideTheFieldsOfTheScoreCommand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.jsonl");
        SinkTestKit.drive(new JsonlSink(file), List.of(UPDATES));
        List<String> got = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.has("value") && n.has("status") && n.has("groups")).isTrue();
            got.addAll(lines(n.path("record").asText(), n.path("properties")));
        }
        assertThat(got).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void csvWritesThePropertiesInTheirOwnColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.csv");
        SinkTestKit.drive(new CsvSink(file), List.of(UPDATES));
        List<List<String>> rows = rows(file);
        assertThat(rows.get(0)).last().isEqualTo("properties");
        List<String> got = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSameSizeAs(rows.get(0));
            got.addAll(lines(row.get(1), JSON.readTree(row.get(row.size() - 1))));
        }
        assertThat(got).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aCsvFileBegunWithoutThePropertiesColumnKeepsItsColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.csv");
        String legacyHeader = CsvSink.HEADER.substring(0, CsvSink.HEADER.lastIndexOf(','));
        Files.writeString(file, legacyHeader + "\r\n");
        SinkTestKit.drive(new CsvSink(file), List.of(UPDATES));
        List<List<String>> rows = rows(file);
        assertThat(String.join(",", rows.get(0))).isEqualTo(legacyHeader);
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row).hasSameSizeAs(rows.get(0)));
    }

    private static List<List<String>> rows(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(Files.readString(file)))) {
            for (CsvReader.Row row; (row = reader.next()) != null; ) {
                rows.add(row.cells());
            }
        }
        return rows;
    }

    @Test
    void theWebhookNamesThePropertiesOfEachNotification(@TempDir Path dir) throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            SinkTestKit.drive(WebhookSink.to(url).rejected(dir.resolve("rejected.jsonl")).timeout(Duration.ofSeconds(5))
                    .build(), List.of(UPDATES));
        } finally {
            server.stop(0);
        }
        List<String> got = new ArrayList<>();
        for (JsonNode n : received) {
            assertThat(n.path("kind").asText()).isEqualTo("status_changed");
            got.addAll(lines(n.path("record").asText(), n.path("properties")));
        }
        // Notifications go out in parallel lanes: in order per record, not across records.
        assertThat(got).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }
}
