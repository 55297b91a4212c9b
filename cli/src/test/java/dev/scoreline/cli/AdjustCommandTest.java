package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline adjust} on the quickstart: made, delivered by the next run, explained, carded, removed. */
class AdjustCommandTest {

    @Test
    void anAdjustmentReachesTheSinksWithTheNextRunAndTheHistoryNamesItsAuthorAndReason(@TempDir Path dir)
            throws IOException {
        Path config = RunCommandTest.quickstart(dir);
        String store = dir.resolve("scoreline-data").toString();
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        List<String> before = Files.readAllLines(dir.resolve("out/scores.jsonl"));

        CliRunner made = CliRunner.run("adjust", "contact:c116", "--score", "Lead score", "--points", "15",
                "--reason", "met at the trade fair", "--author", "alice", "--until", "2099-01-01", "--store", store);
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("adjustment #1 +15 by alice until 2099-01-01T00:00:00Z: \"met at the trade fair\"");

        CliRunner run = CliRunner.run("run", config.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("incremental: 0 records changed in the feed, 1 adjusted, 0 fell due", "1 changed");
        List<String> after = Files.readAllLines(dir.resolve("out/scores.jsonl"));
        assertThat(after.subList(before.size(), after.size())).singleElement().asString()
                .contains("\"record\":\"contact:c116\"", "\"value\":7", "\"previousValue\":-8",
                        "adjustment #1 +15 by alice until 2099-01-01T00:00:00Z: \\\"met at the trade fair\\\"");

        CliRunner history = CliRunner.run("history", "contact:c116", "--score", "Lead score", "--store", store);
        assertThat(history.out()).contains("-8 Low → 7 Low", "adjustment #1 +15 by alice", "met at the trade fair");

        CliRunner explain = CliRunner.run("explain", "--rules", dir.resolve("lead.score").toString(), "--data",
                dir.resolve("data").toString(), "--as-of", "2026-03-01", "--record", "contact:c116", "--store", store);
        assertThat(explain.out()).contains("  adjustment #1 +15 by alice until 2099-01-01T00:00:00Z: \"met at the trade fair\"\n"
                .replace("\n", System.lineSeparator()) + "  total 7 -> value 7");

        assertThat(CliRunner.run("card", "contact:c116", "--store", store).out())
                .contains("  adjustments:", "#1 +15 by alice");
        assertThat(CliRunner.run("adjust", "--list", "contact:c116", "--store", store).out())
                .contains("contact:c116  \"Lead score\"  #1 +15 by alice");

        CliRunner removed = CliRunner.run("adjust", "--remove", "1", "--store", store);
        assertThat(removed.exit()).as(removed.err()).isZero();
        CliRunner again = CliRunner.run("run", config.toString());
        assertThat(again.out()).contains("1 adjusted", "1 changed");
        assertThat(CliRunner.run("history", "contact:c116", "--score", "Lead score", "--store", store).out())
                .contains("7 Low → -8 Low", "adjustment #1 +15 by alice until 2099-01-01T00:00:00Z: \"met at the trade fair\" removed");
        assertThat(CliRunner.run("adjust", "--list", "--store", store).out()).contains("no adjustments");
    }

    @Test
    void theAuthorComesFromTheEnvironmentWhenNotGiven(@TempDir Path dir) throws IOException {
        Path config = RunCommandTest.quickstart(dir);
        String store = dir.resolve("scoreline-data").toString();
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        CliRunner made = CliRunner.run("adjust", "contact:c116", "--score", "Lead score", "--points", "-2.5",
                "--reason", "bounced", "--store", store);
        String expected = System.getenv("SCORELINE_AUTHOR") != null ? System.getenv("SCORELINE_AUTHOR")
                : System.getenv("USER") != null ? System.getenv("USER") : System.getProperty("user.name");
        assertThat(made.out()).contains("#1 -2.5 by " + expected + ": \"bounced\"");
    }
}
