package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain} and {@code score --record}: what one record's owner reads, and nothing of other records. */
class ExplainCommandTest {

    private static final String FIT = """
            score "Fit" on contact
              type fit
              group "G" limit 100
                add 10 if weekly_active_users >= 50
                add 5 if jobtitle is "CTO"
            """;

    private static Path data(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("records.jsonl"), """
                {"type":"contact","id":"a","properties":{"weekly_active_users":9,"jobtitle":"CTO","city":"Oslo"}}
                {"type":"contact","id":"b","properties":{"weekly_active_users":"many"}}
                """);
        Files.writeString(data.resolve("events.jsonl"), "");
        Files.writeString(dir.resolve("fit.score"), FIT);
        return data;
    }

    @Test
    void marksOnlyTheRulesThatHeldAndShowsTheValuesEachRead(@TempDir Path dir) throws IOException {
        Path data = data(dir);
        CliRunner r = CliRunner.run("explain", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[ ] add 10 if weekly_active_users >= 50",
                "does not hold: weekly_active_users = 9, needs ≥ 50", "[x] add 5 if jobtitle is \"CTO\"",
                "holds: jobtitle = CTO, needs is \"CTO\"").doesNotContain("Oslo", "city");
        CliRunner json = CliRunner.run("explain", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01", "--json");
        assertThat(json.out().replaceAll("\\s+", " ")).contains("\"matched\" : false, \"points\" : 0",
                "\"matched\" : true, \"points\" : 5");
    }

    @Test
    void printsTheDataWarningsOfThatRecordOnly(@TempDir Path dir) throws IOException {
        Path data = data(dir);
        CliRunner a = CliRunner.run("explain", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01");
        assertThat(a.err()).doesNotContain("contact:b").contains("1 data warning about other records not shown");
        CliRunner b = CliRunner.run("explain", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "contact:b", "--as-of", "2026-03-01");
        assertThat(b.err()).contains("contact:b: weekly_active_users \"many\" does not read as a number")
                .doesNotContain("other records");
    }

    @Test
    void scoreWithARecordPrintsJustThatRecordsLines(@TempDir Path dir) throws IOException {
        Path data = data(dir);
        CliRunner r = CliRunner.run("score", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "contact:a", "--as-of", "2026-03-01", "--out",
                dir.resolve("o.jsonl").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("o.jsonl"))).containsExactly(
                "{\"score\":\"Fit\",\"record\":\"contact:a\",\"value\":5,\"status\":\"Low\",\"groups\":{\"G\":5}}");
        assertThat(CliRunner.run("score", "--rules", dir.resolve("fit.score").toString(), "--data",
                data.toString(), "--record", "nokey").exit()).isEqualTo(Main.USAGE);
    }
}
