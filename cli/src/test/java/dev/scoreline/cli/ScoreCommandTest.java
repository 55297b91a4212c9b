package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline score}: output, summary, exit codes of data-and-cli.md. */
class ScoreCommandTest {

    static final String LEAD = """
            score "Lead" on contact
              type engagement
              group "G"
                add 10 for each meeting_booked
            """;

    static Path folder(Path dir, String records, String events) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("records.jsonl"), records);
        Files.writeString(data.resolve("events.jsonl"), events);
        Files.writeString(dir.resolve("lead.score"), LEAD);
        return data;
    }

    @Test
    void writesSortedJsonLinesToOutAndASummaryToStderr(@TempDir Path dir) throws IOException {
        Path data = folder(dir, """
                {"type":"contact","id":"b","properties":{}}
                {"type":"contact","id":"a","properties":{}}
                """, """
                {"record":"contact:a","type":"meeting_booked","at":"2026-02-01T00:00:00Z"}
                """);
        Path out = dir.resolve("out.jsonl");
        CliRunner r = CliRunner.run("score", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--as-of", "2026-03-01", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"score\":\"Lead\",\"record\":\"contact:a\",\"value\":10,\"status\":\"Low\",\"groups\":{\"G\":10}}",
                "{\"score\":\"Lead\",\"record\":\"contact:b\",\"value\":0,\"status\":\"Low\",\"groups\":{\"G\":0}}");
        assertThat(r.err()).contains("scored 2 records", "read 2 records, 1 events", "0 bad lines");
    }

    @Test
    void badLinesAreSkippedReportedAndCountedAndStrictFailsBeforeWriting(@TempDir Path dir) throws IOException {
        Path data = folder(dir, """
                {"type":"contact","id":"a","properties":{}}
                {"type":"contact","properties":{}}
                not json
                """, "");
        Path out = dir.resolve("out.jsonl");
        CliRunner lenient = CliRunner.run("score", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--out", out.toString());
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains("records.jsonl:2", "records.jsonl:3", "2 bad lines skipped");
        Files.delete(out);
        CliRunner strict = CliRunner.run("score", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--out", out.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(3);
        assertThat(out).doesNotExist();
    }

    @Test
    void strictChecksTheEventsEvenWhenNoScoreReadsThem(@TempDir Path dir) throws IOException {
        Path data = folder(dir, "{\"type\":\"contact\",\"id\":\"a\",\"properties\":{\"jobtitle\":\"Chief\"}}\n",
                "{\"record\":\"contact:a\",\"type\":\"visit\",\"at\":\"2026-02-01T00:00:00Z\"}\nnot json\n");
        Path fit = dir.resolve("fit.score");
        Files.writeString(fit, "score \"Fit\" on contact\n  type fit\n  group \"Role\"\n    add 30 if jobtitle contains \"chief\"\n");
        Path out = dir.resolve("out.jsonl");
        CliRunner lenient = CliRunner.run("score", "--rules", fit.toString(), "--data", data.toString(), "--out", out.toString());
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains("events not read (no score reads events)", "0 bad lines skipped");
        Files.delete(out);
        CliRunner strict = CliRunner.run("score", "--rules", fit.toString(), "--data", data.toString(), "--out", out.toString(),
                "--strict");
        assertThat(strict.exit()).as(strict.err()).isEqualTo(3);
        assertThat(strict.err()).contains("events.jsonl:2", "error[SL804]: 1 bad data line and --strict");
        assertThat(out).doesNotExist();
    }

    @Test
    void usageErrorsExitTwoAndRuleErrorsExitOne(@TempDir Path dir) throws IOException {
        Path data = folder(dir, "", "");
        String rules = dir.resolve("lead.score").toString();
        assertThat(CliRunner.run("score", "--rules", rules).exit()).isEqualTo(2);
        assertThat(CliRunner.run("score", "--rules", rules, "--data", dir.resolve("nope").toString()).exit())
                .isEqualTo(2);
        assertThat(CliRunner.run("score", "--rules", rules, "--data", data.toString(), "--as-of", "yesterday").exit())
                .isEqualTo(2);
        assertThat(CliRunner.run("score", "--rules", rules, "--data", data.toString(), "--adapter", "xml").exit())
                .isEqualTo(2);
        assertThat(CliRunner.run("score", "--rules", dir.resolve("missing.score").toString(), "--data",
                data.toString()).exit()).isEqualTo(2);
        Files.writeString(dir.resolve("bad.score"), "score \"X\" on contact\n  type fit\n  group \"G\"\n"
                + "    add 1 if industry equals \"x\"\n");
        CliRunner bad = CliRunner.run("score", "--rules", dir.resolve("bad.score").toString(), "--data",
                data.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("bad.score:4:");
    }

    @Test
    void explainShowsEveryRuleWithItsEventsAndTheStatus(@TempDir Path dir) throws IOException {
        Path data = folder(dir, "{\"type\":\"contact\",\"id\":\"a\",\"properties\":{}}\n",
                "{\"record\":\"contact:a\",\"type\":\"meeting_booked\",\"at\":\"2026-02-01T00:00:00Z\"}\n");
        CliRunner r = CliRunner.run("explain", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Score \"Lead\"", "meeting_booked", "28 days old", "points: 10",
                "value 10", "status Low");
        CliRunner json = CliRunner.run("explain", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01", "--json");
        assertThat(json.out()).contains("\"status\" : \"Low\"");
        assertThat(CliRunner.run("explain", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--record", "contact:zz").exit()).isEqualTo(2);
    }

    @Test
    void previewShowsTheSpreadAndWritesHtml(@TempDir Path dir) throws IOException {
        Path data = folder(dir, "{\"type\":\"contact\",\"id\":\"a\",\"properties\":{}}\n"
                + "{\"type\":\"contact\",\"id\":\"b\",\"properties\":{}}\n",
                "{\"record\":\"contact:a\",\"type\":\"meeting_booked\",\"at\":\"2026-02-01T00:00:00Z\"}\n");
        Path html = dir.resolve("preview.html");
        CliRunner r = CliRunner.run("preview", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--as-of", "2026-03-01", "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 records scored", "Low", "median");
        assertThat(Files.readString(html)).contains("<h2>Lead</h2>", "Statuses");
    }

    @Test
    void theCsvAdapterGivesTheSameScores(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(data.resolve("contact.csv"), "id,jobtitle\na,CTO\n");
        Files.writeString(data.resolve("events.csv"), "record,type,at\ncontact:a,meeting_booked,2026-02-01T00:00:00Z\n");
        Files.writeString(dir.resolve("lead.score"), LEAD);
        Path out = dir.resolve("out.jsonl");
        CliRunner r = CliRunner.run("score", "--rules", dir.resolve("lead.score").toString(), "--data",
                data.toString(), "--adapter", "csv", "--as-of", "2026-03-01", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"score\":\"Lead\",\"record\":\"contact:a\",\"value\":10,\"status\":\"Low\",\"groups\":{\"G\":10}}");
    }
}
