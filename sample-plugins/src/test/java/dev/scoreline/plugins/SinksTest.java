package dev.scoreline.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.testkit.FlakySink;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import dev.scoreline.plugins.console.ConsoleSink;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.internal.CsvReader;
import dev.scoreline.plugins.jsonl.JsonlSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SinksTest {

    static final List<ScoreUpdate> UPDATES = List.of(
            TestUpdates.update("Lead score", "contact:c1", "29", "Low").group("Sales, engagement", "10")
                    .group("Marketing", "19.5").previous(null, null).cause("first \"run\"").build(),
            TestUpdates.update("Combined", "contact:c1", "80", "A1").combined("40.25", "39.75")
                    .previous("70", "B2").build());

    @Test
    void jsonlSinkAppendsOneLinePerUpdate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/scores.jsonl");
        SinkTestKit.drive(new JsonlSink(file), List.of(UPDATES));
        SinkTestKit.drive(new JsonlSink(file), List.of(UPDATES.subList(0, 1)));  // a second run appends

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("value").isNumber()).isTrue();
        assertThat(first.path("groups").path("Marketing").decimalValue()).isEqualByComparingTo("19.5");
        assertThat(first.has("engagement")).isFalse();
        JsonNode combined = new ObjectMapper().readTree(lines.get(1));
        assertThat(combined.path("engagement").decimalValue()).isEqualByComparingTo("40.25");
        assertThat(combined.path("previousStatus").asText()).isEqualTo("B2");
    }

    @Test
    void csvSinkWritesAHeaderOnceAndQuotesWhatNeedsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.csv");
        SinkTestKit.drive(new CsvSink(file), List.of(UPDATES));
        SinkTestKit.drive(new CsvSink(file), List.of(UPDATES));

        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(Files.readString(file)))) {
            for (CsvReader.Row row; (row = reader.next()) != null; ) {
                assertThat(row.error()).isNull();
                rows.add(row.cells());
            }
        }
        assertThat(rows).hasSize(5);
        assertThat(String.join(",", rows.get(0))).isEqualTo(CsvSink.HEADER);
        assertThat(rows.get(1)).containsExactly("Lead score", "contact:c1", "29", "Low", "", "",
                "{\"Sales, engagement\":10,\"Marketing\":19.5}", "", "", "2026-03-01T00:00:00Z", "first \"run\"",
                "{\"lead_score\":29,\"lead_score_status\":\"Low\"}");
        assertThat(rows.get(2).subList(4, 6)).containsExactly("40.25", "39.75");
    }

    @Test
    void theFileSinksKeepTheSinkContract(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("out/scores.jsonl");
        SinkTestKit.checkContract(() -> new JsonlSink(jsonl), () -> {
            List<ScoreUpdate> kept = new ArrayList<>();
            for (String line : readLines(jsonl)) {
                JsonNode n = read(line);
                kept.add(TestUpdates.update(n.path("score").asText(), n.path("record").asText(), n.path("value").asText(),
                        n.path("status").asText()).at(n.path("at").asText()).build());
            }
            return kept;
        });
        Path csv = dir.resolve("out/scores.csv");
        SinkTestKit.checkContract(() -> new CsvSink(csv), () -> {
            List<ScoreUpdate> kept = new ArrayList<>();
            try (CsvReader reader = new CsvReader(new StringReader(Files.exists(csv) ? Files.readString(csv) : ""))) {
                reader.next();   // the header
                for (CsvReader.Row row; (row = reader.next()) != null; ) {
                    List<String> c = row.cells();
                    kept.add(TestUpdates.update(c.get(0), c.get(1), c.get(2), c.get(3)).at(c.get(9)).build());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return kept;
        });
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void consoleSinkPrintsChangesOnlyWhenAsked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        sink.write(List.of(UPDATES.get(1),
                TestUpdates.update("Lead score", "contact:c2", "5", "Low").previous("5", "Low").build()));
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Combined  contact:c1  80 A1  [engagement 40.25, fit 39.75]  (was 70 B2)  test");
    }

    @Test
    void aFlakyFileSinkOfferedItsRefusedBatchesAgainGetsEveryUpdateOnceInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.jsonl");
        List<ScoreUpdate> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(TestUpdates.update("Lead score", "contact:c" + (i % 4), Integer.toString(i), "Low")
                    .at("2026-03-01T00:00:" + String.format("%02d", i) + "Z").build());
        }
        FlakySink flaky = FlakySink.failing(n -> n % 4 != 0, new JsonlSink(file));

        // The runtime's outbox offers a refused batch again (runtime's ReliableSinkTest); SinkTestKit does the same.
        SinkTestKit.drive(flaky, SinkTestKit.batches(sent, 3));

        assertThat(flaky.failures()).isPositive();
        List<String> lines = Files.readAllLines(file);
        List<String> expected = sent.stream().map(u -> u.result().record() + "=" + u.result().value()).toList();
        List<String> actual = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = new ObjectMapper().readTree(line);
            actual.add(n.path("record").asText() + "=" + n.path("value").asText());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
