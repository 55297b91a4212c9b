package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart run with its {@code property} lines and a {@code status property}: every sink of
 * the config writes each score under those names, and two scores that would share one fail the run.
 */
class ScorePropertiesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySinkWritesTheScoresUnderTheirPropertyNames(@TempDir Path dir) throws Exception {
        Path config = RunCommandTest.quickstart(dir);
        Path lead = dir.resolve("lead.score");
        Files.writeString(lead, Files.readString(lead).replace("  property lead_score\n",
                "  property lead_score\n  status property lead_tier\n"));
        String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        Files.writeString(config, Files.readString(config).replace("sinks:\n",
                "sinks:\n  - name: jdbc\n    url: \"" + url + "\"\n"));

        CliRunner r = CliRunner.run("run", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, List<String>> jsonl = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/scores.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            List<String> names = new ArrayList<>();
            n.path("properties").fieldNames().forEachRemaining(names::add);
            jsonl.putIfAbsent(n.path("score").asText(), names);
            assertThat(n.path("properties").path(names.get(0)).decimalValue()).isEqualByComparingTo(n.path("value").decimalValue());
            assertThat(n.path("properties").path(names.get(1)).asText()).isEqualTo(n.path("status").asText());
        }
        assertThat(jsonl).containsExactly(
                Map.entry("Customer health", List.of("health_score", "health_score_status")),
                Map.entry("Lead quality", List.of("lead_quality", "lead_quality_status", "lead_quality_engagement",
                        "lead_quality_fit")),
                Map.entry("Lead score", List.of("lead_score", "lead_tier")));

        List<String> csv = Files.readAllLines(dir.resolve("out/scores.csv"));
        assertThat(csv.get(0)).endsWith(",properties");
        assertThat(csv).filteredOn(l -> l.startsWith("Lead score,contact:c001,"))
                .singleElement().asString().contains("\"{\"\"lead_score\"\":", "\"\"lead_tier\"\":");

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT prop_name, COUNT(*) FROM scoreline_score_properties"
                     + " GROUP BY prop_name ORDER BY prop_name")) {
            List<String> counts = new ArrayList<>();
            while (rs.next()) {
                counts.add(rs.getString(1) + " " + rs.getInt(2));
            }
            assertThat(counts).containsExactly("health_score 80", "health_score_status 80", "lead_quality 400",
                    "lead_quality_engagement 400", "lead_quality_fit 400", "lead_quality_status 400", "lead_score 400",
                    "lead_tier 400");
        }
    }

    @Test
    void twoScoresThatWouldShareAPropertyFailTheRunAtTheLineAtFault(@TempDir Path dir) throws IOException {
        Path config = RunCommandTest.quickstart(dir);
        Files.writeString(dir.resolve("lead-quality.score"), Files.readString(dir.resolve("lead-quality.score"))
                .replace("  property lead_quality\n", "  property lead_score\n"), StandardOpenOption.TRUNCATE_EXISTING);

        CliRunner r = CliRunner.run("run", config.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("lead-quality.score:4:12: error: property \"lead_score\" would hold the value of"
                + " score \"Lead quality\", but score \"Lead score\" at ");
        assertThat(r.err()).contains("[SL425]");
    }
}
