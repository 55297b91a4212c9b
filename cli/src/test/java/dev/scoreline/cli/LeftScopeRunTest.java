package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that leaves a score's scope reaches the sinks as one left-scope update (no value, no
 * status, the previous value, cause {@code left scope}): a list membership removed in the jsonl
 * adapter's change feed, and a score deactivated in the catalog.
 */
class LeftScopeRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCORE = """
            score "Lead" on contact
              type engagement
              include lists "Leads"
              property lead_points
              group "Sales"
                add 10 for each meeting_booked
            """;

    private static Path project(Path dir) throws IOException {
        Files.writeString(dir.resolve("lead.score"), SCORE);
        Files.writeString(dir.resolve("meetings.score"), SCORE.replace("\"Lead\"", "\"Meetings\"")
                .replace("  include lists \"Leads\"\n", "").replace("property lead", "property meetings"));
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder records = new StringBuilder();
        StringBuilder events = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            records.append("{\"type\": \"contact\", \"id\": \"c").append(i).append("\", \"properties\": {}, \"lists\": [\"Leads\"]}\n");
            events.append("{\"record\": \"contact:c").append(i).append("\", \"type\": \"meeting_booked\", \"at\": \"2026-02-2")
                    .append(i).append("T00:00:00Z\"}\n");
        }
        Files.writeString(data.resolve("records.jsonl"), records);
        Files.writeString(data.resolve("events.jsonl"), events);
        Path config = dir.resolve("scoreline.yaml");
        Files.writeString(config, """
                rules: [lead.score, meetings.score]
                adapter: {name: jsonl, dir: data}
                sinks:
                  - {name: jsonl, file: out/scores.jsonl}
                  - {name: csv, file: out/scores.csv}
                store: embedded
                as-of: 2026-03-01T00:00:00Z
                """);
        return config;
    }

    /** The left-scope lines of the jsonl sink's file. */
    private static List<JsonNode> leftScope(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out/scores.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.get("value").isNull()) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> csvLeftScope(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("out/scores.csv")).stream().filter(l -> l.contains("left scope")).toList();
    }

    @Test
    void aListMembershipRemovedInTheFeedGivesEachSinkOneLeftScopeUpdate(@TempDir Path dir) throws IOException {
        Path config = project(dir);
        CliRunner first = CliRunner.run("run", config.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(leftScope(dir)).isEmpty();

        Files.writeString(dir.resolve("data/records.jsonl"),
                "{\"type\": \"contact\", \"id\": \"c2\", \"properties\": {}, \"lists\": []}\n", StandardOpenOption.APPEND);
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("incremental", "; 0 changed, 1 cleared (history: ", "sink jsonl: 1 delivered",
                "sink csv: 1 delivered");

        List<JsonNode> left = leftScope(dir);
        assertThat(left).hasSize(1);
        JsonNode u = left.get(0);
        assertThat(u.get("record").asText()).isEqualTo("contact:c2");
        assertThat(u.get("status").isNull()).isTrue();
        assertThat(u.get("previousValue").decimalValue()).isEqualByComparingTo("10");
        assertThat(u.get("previousStatus").isNull()).isFalse();
        assertThat(u.get("cause").asText()).startsWith("left scope");
        // the definition's property, not one derived from the score's name ("lead")
        assertThat(u.get("properties").has("lead_points")).isTrue();
        assertThat(u.get("properties").get("lead_points").isNull()).isTrue();
        assertThat(u.get("properties").get("lead_points_status").isNull()).isTrue();
        assertThat(csvLeftScope(dir)).singleElement().satisfies(row -> assertThat(row).startsWith("Lead,contact:c2,,,"));

        CliRunner third = CliRunner.run("run", config.toString());
        assertThat(third.out()).contains("; 0 changed (history: ").doesNotContain("cleared");
        assertThat(leftScope(dir)).as("left scope once, not at every run").hasSize(1);
    }

    @Test
    void aDeactivatedScoreGivesOneLeftScopeUpdatePerRecordThatHadAValue(@TempDir Path dir) throws IOException {
        Path config = project(dir);
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        Path catalog = dir.resolve("catalog.yaml");
        Files.writeString(catalog, Files.readString(config).replace("rules: [lead.score, meetings.score]", "rules: catalog"));
        String store = dir.resolve("scoreline-data").toString();
        assertThat(CliRunner.run("scores", "deactivate", "Lead", "--store", store).exit()).isZero();

        // Meetings stays active: a run of the catalog needs one active score (SL505).
        CliRunner cleared = CliRunner.run("run", catalog.toString());
        assertThat(cleared.exit()).as(cleared.err()).isZero();
        assertThat(leftScope(dir)).extracting(n -> n.get("record").asText() + " " + n.get("previousValue").asText()
                + " " + n.get("cause").asText())
                .containsExactlyInAnyOrder("contact:c1 10 left scope: the score was deactivated",
                        "contact:c2 10 left scope: the score was deactivated",
                        "contact:c3 10 left scope: the score was deactivated");
        // the deactivated score's properties come from its version in the catalog
        assertThat(leftScope(dir)).allSatisfy(n -> assertThat(n.get("properties").has("lead_points")).isTrue());
        assertThat(csvLeftScope(dir)).hasSize(3);
        CliRunner again = CliRunner.run("run", catalog.toString());
        assertThat(leftScope(dir)).as("cleared once " + cleared.out() + again.err()).hasSize(3);
    }
}
