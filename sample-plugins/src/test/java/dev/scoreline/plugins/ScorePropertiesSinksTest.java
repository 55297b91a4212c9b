package dev.scoreline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.internal.CsvReader;
import dev.scoreline.plugins.jdbc.JdbcSink;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.plugins.webhook.WebhookSink;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample sink writes a score under the names of its record properties: written with
 * {@code property}/{@code status property}, derived from the score's name, and the engagement
 * and fit of a combined score.
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
        assertThat(got).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void jdbcUpsertsOneRowPerPropertyOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        checkJdbc(h2);
    }

    @Test
    void jdbcUpsertsOneRowPerPropertyOnPostgres() throws Exception {
        DataSource db = EmbeddedPostgresDatabases.postgres();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS scoreline_score_properties");
        }
        checkJdbc(db);
    }

    private static void checkJdbc(DataSource db) throws Exception {
        // An older value of the same record first: the upsert leaves one row per property, the last.
        ScoreUpdate older = TestUpdates.update("Deal score", "deal:d1", "20", "Low").property("hs_deal", "hs_deal_tier")
                .build();
        SinkTestKit.drive(new JdbcSink(db), List.of(List.of(older), UPDATES));
        List<String> got = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_type, record_id, prop_name, prop_value, prop_type, score"
                     + " FROM scoreline_score_properties ORDER BY record_type, record_id, prop_name")) {
            while (rs.next()) {
                got.add(rs.getString(1) + ":" + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6));
            }
        }
        assertThat(got).containsExactly(
                "contact:c1 intent 80 number Buying intent",
                "contact:c1 intent_engagement 40.25 number Buying intent",
                "contact:c1 intent_fit 39.75 number Buying intent",
                "contact:c1 intent_status A1 text Buying intent",
                "contact:c1 lead_score 29 number Lead score",
                "contact:c1 lead_score_status Low text Lead score",
                "deal:d1 hs_deal 55.5 number Deal score",
                "deal:d1 hs_deal_tier Medium text Deal score");
    }
}
