package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scoreline run}: the config, the sinks, the store, and runs that re-score only what moved. */
class RunCommandTest {

    /** The quickstart copied into {@code dir}; returns its config. */
    static Path quickstart(Path dir) throws IOException {
        Path quickstart = Path.of("../examples/quickstart");
        for (String f : List.of("lead.score", "lead-quality.score", "health.score", "scoreline.yaml")) {
            Files.copy(quickstart.resolve(f), dir.resolve(f));
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("records.jsonl", "events.jsonl", "associations.jsonl")) {
            Files.copy(quickstart.resolve("data").resolve(f), data.resolve(f));
        }
        return dir.resolve("scoreline.yaml");
    }

    /** {@code config} written to {@code copy} with its {@code rules} (a list over several lines) replaced by {@code rules}. */
    static void withRules(Path config, Path copy, String rules) throws IOException {
        Files.writeString(copy, Files.readString(config).replaceAll("(?s)rules:.*?\n(?=\\S)", "rules: " + rules + "\n"));
    }

    @Test
    void runRejectsABadConfigNamingTheKey(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "rules: [x.score]\nadaptor: {name: jsonl}\n");
        CliRunner r = CliRunner.run("run", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown key \"adaptor\"", "adapter");
        Files.writeString(config, "rules: [x.score]\nadapter: {name: xml, dir: d}\n");
        assertThat(CliRunner.run("run", config.toString()).err()).contains("no adapter plugin named \"xml\"", "jsonl");
    }

    @Test
    void runScoresTheQuickstartIntoItsSinks(@TempDir Path dir) throws IOException {
        CliRunner r = CliRunner.run("run", quickstart(dir).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Lead score", "Customer health", "Lead quality");
        assertThat(Files.readAllLines(dir.resolve("out/scores.jsonl"))).hasSize(400 + 400 + 80);
        assertThat(dir.resolve("out/scores.csv")).exists();
    }

    /** {@code run --config FILE} reads the config as the other commands take it; two different configs are refused. */
    @Test
    void runTakesItsConfigAsCONFIGOrAsTheOtherCommandsDo(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        CliRunner r = CliRunner.run("run", "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/scores.jsonl"))).hasSize(400 + 400 + 80);
        CliRunner both = CliRunner.run("run", config.toString(), "--config", dir.resolve("other.yaml").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).startsWith("error[SL509]: two configs given").contains("give the config once");
    }

    @Test
    void aSecondRunRescoresOnlyWhatWasAppendedAndTheHistoryNamesIt(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        CliRunner first = CliRunner.run("run", config.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("full: ", "800 records scored");

        Files.writeString(dir.resolve("data/events.jsonl"),
                "{\"record\": \"contact:c116\", \"type\": \"meeting_booked\", \"at\": \"2026-02-28T20:00:00Z\"}\n",
                StandardOpenOption.APPEND);
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("incremental: 1 record changed in the feed, 0 fell due; 2 records scored",
                "1 changed", "sink jsonl: 1 delivered", "sink csv: 1 delivered");

        CliRunner history = CliRunner.run("history", "contact:c116", "--score", "Lead score", "--store",
                dir.resolve("scoreline-data").toString());
        assertThat(history.out()).contains("-8 Low → 2 Low",
                "meeting_booked event of contact:c116 at 2026-02-28T20:00:00Z; Sales engagement 0");

        // Scoring everything again finds nothing the incremental run missed.
        CliRunner full = CliRunner.run("run", "--full", config.toString());
        assertThat(full.out()).contains("full: asked for", "; 0 changed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aFreshExportOfTheSameLengthMakesTheRunFullAndRescoresWhatMoved(String db, @TempDir Path dir) throws IOException {
        Path config = TestStore.of(db, dir).use(quickstart(dir));
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        Path records = dir.resolve("data/records.jsonl");
        String before = Files.readString(records);
        String after = before.replace("\"industry\": \"Retail\", \"country\": \"GB\"", "\"industry\": \"Retail\", \"country\": \"BR\"");
        assertThat(after).isNotEqualTo(before).hasSameSizeAs(before);
        Files.writeString(records, after);

        CliRunner rewritten = CliRunner.run("run", config.toString());
        assertThat(rewritten.exit()).as(rewritten.err()).isZero();
        assertThat(rewritten.out()).contains("full: records.jsonl was rewritten (same length, the bytes the last run read differ)")
                .doesNotContain("; 0 changed");
        CliRunner next = CliRunner.run("run", config.toString());
        assertThat(next.out()).contains("incremental: 0 records changed in the feed", "; 0 changed");
    }

    @Test
    void activateAndDeactivateChangeWhatARunOfTheCatalogDelivers(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        Path catalog = dir.resolve("catalog.yaml");
        withRules(config, catalog, "catalog");
        String store = dir.resolve("scoreline-data").toString();
        CliRunner empty = CliRunner.run("run", catalog.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("the store's catalog has no active score", "scoreline scores activate NAME");

        assertThat(CliRunner.run("scores", "add", dir.resolve("lead.score").toString(), "--store", store).exit()).isZero();
        assertThat(CliRunner.run("scores", "add", dir.resolve("health.score").toString(), "--activate", "--store", store)
                .exit()).isZero();
        CliRunner healthOnly = CliRunner.run("run", catalog.toString());
        assertThat(healthOnly.exit()).as(healthOnly.err()).isZero();
        assertThat(healthOnly.out()).contains("Customer health: ").doesNotContain("Lead score");

        assertThat(CliRunner.run("scores", "activate", "Lead score", "--store", store).exit()).isZero();
        CliRunner activated = CliRunner.run("run", catalog.toString());
        assertThat(activated.out()).contains("full: \"Lead score\" has not run on this store yet",
                "400 changed", "Lead score: ");

        assertThat(CliRunner.run("scores", "deactivate", "Lead score", "--store", store).exit()).isZero();
        CliRunner deactivated = CliRunner.run("run", catalog.toString());
        assertThat(deactivated.out()).contains("; 0 changed, 400 cleared (history: ", "Lead score: {} (before: {",
                "sink jsonl: 400 delivered");
        assertThat(CliRunner.run("history", "contact:c116", "--score", "Lead score", "--store", store).out())
                .contains("left scope: the score was deactivated");
    }

    @Test
    void deactivatingTheLastActiveScoreStillClearsItsValuesThenTheCatalogHasNothingToRun(@TempDir Path dir)
            throws IOException {
        Path config = quickstart(dir);
        Path catalog = dir.resolve("catalog.yaml");
        withRules(config, catalog, "catalog");
        String store = dir.resolve("scoreline-data").toString();
        assertThat(CliRunner.run("scores", "add", dir.resolve("lead.score").toString(), "--activate", "--store", store)
                .exit()).isZero();
        assertThat(CliRunner.run("run", catalog.toString()).out()).contains("400 changed");
        assertThat(CliRunner.run("scores", "deactivate", "Lead score", "--store", store).exit()).isZero();

        CliRunner clearing = CliRunner.run("run", catalog.toString());
        assertThat(clearing.exit()).as(clearing.err()).isZero();
        assertThat(clearing.out()).contains("; 0 changed, 400 cleared (history: ",
                "full: no score is active; the run clears the values of the scores deactivated", "sink jsonl: 400 delivered");
        List<String> lines = Files.readAllLines(dir.resolve("out/scores.jsonl"));
        assertThat(lines).hasSize(800);
        assertThat(lines.subList(400, 800)).allMatch(l -> l.contains("\"cause\":\"left scope: the score was deactivated\""));

        CliRunner nothing = CliRunner.run("run", catalog.toString());
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("error[SL505]: the store's catalog has no active score");
    }

    @Test
    void aMistypedDataFolderIsAnErrorAndClearsNothing(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(config).replace("dir: data", "dir: dta"));
        CliRunner missing = CliRunner.run("run", typo.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error[SL801]: the data folder ").contains("dta does not exist; fix: ");
        assertThat(Files.readAllLines(dir.resolve("out/scores.jsonl"))).as("no value cleared").hasSize(880);
        assertThat(CliRunner.run("run", config.toString()).out()).contains("; 0 changed (history: ");
    }

    @Test
    void anEmptyExportStopsTheRunBeforeItClearsEveryValue(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        Files.writeString(dir.resolve("data/records.jsonl"), ""); // the export failed half-way
        for (String[] args : List.of(new String[] {"run", config.toString()},
                new String[] {"run", "--follow", "--polls", "1", "--poll", "0.1", config.toString()})) {
            CliRunner empty = CliRunner.run(args);
            assertThat(empty.exit()).as(empty.err()).isEqualTo(2);
            assertThat(empty.err().strip().lines().reduce((a, b) -> b).orElse("")).as(empty.err())
                    .startsWith("error[SL807]: adapter jsonl gave no record, and the store holds 880 values"
                    + " of these scores: this run would clear them all; fix: check the export");
        }
        assertThat(Files.readAllLines(dir.resolve("out/scores.jsonl"))).as("nothing cleared").hasSize(880);
    }

    @Test
    void strictFailsOnABadLineBeforeAnythingIsStoredOrDeliveredEvenInAFileNoScoreReads(@TempDir Path dir)
            throws IOException {
        Path config = quickstart(dir);
        Files.writeString(dir.resolve("data/events.jsonl"), "{not json\n", StandardOpenOption.APPEND);
        Path fitOnly = dir.resolve("fit.yaml");
        Files.writeString(dir.resolve("fit.score"), """
                score "Fit" on contact
                  type fit
                  group "Role"
                    add 30 if jobtitle contains "chief"
                """);
        withRules(config, fitOnly, "[fit.score]");
        for (Path c : List.of(config, fitOnly)) {
            CliRunner strict = CliRunner.run("run", "--strict", c.toString());
            assertThat(strict.exit()).as(strict.err()).isEqualTo(Main.BAD_DATA);
            assertThat(strict.err()).contains("events.jsonl:", "error[SL804]: 1 bad data line and --strict: nothing was written");
            assertThat(dir.resolve("out/scores.jsonl")).as("nothing delivered").doesNotExist();
        }
        CliRunner lenient = CliRunner.run("run", fitOnly.toString());
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.out()).as("nothing was stored by the strict runs").contains("Fit: {", "(before: no values)")
                .doesNotContain("1 bad line");
    }

    @Test
    void aRunOfFilesActivatesThemWithinTheQuota(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        String store = dir.resolve("scoreline-data").toString();
        assertThat(CliRunner.run("scores", "quota", "contact", "1", "20", "--store", store).exit()).isZero();
        CliRunner refused = CliRunner.run("run", config.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("error[SL606]: cannot activate \"Lead quality\": object type contact already has"
                + " 1 active score and its quota is 1");
        assertThat(dir.resolve("out/scores.jsonl")).as("nothing was scored").doesNotExist();

        assertThat(CliRunner.run("scores", "quota", "contact", "10", "20", "--store", store).exit()).isZero();
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        assertThat(CliRunner.run("scores", "list", "--store", store).out()).contains("Lead score", "Lead quality",
                "Customer health").doesNotContain("draft");
    }

    @Test
    void anIncrementalRunCountsItsBadLinesAndQuietOnlyCountsThem(@TempDir Path dir) throws IOException {
        Path config = quickstart(dir);
        Path events = dir.resolve("data/events.jsonl");
        String bad = "{\"record\": \"contact:c116\", \"type\": \"call_started\", \"at\": \"yesterday\"}\n";
        Files.writeString(events, bad, StandardOpenOption.APPEND);
        CliRunner first = CliRunner.run("run", "--quiet", config.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("full: ", "1 bad lines skipped");
        assertThat(first.err()).as("quiet: data problems only counted").doesNotContain("events.jsonl");
        Files.writeString(events, "{\"record\": \"contact:c116\", \"type\": \"meeting_booked\", "
                + "\"at\": \"2026-02-28T20:00:00Z\"}\n" + bad, StandardOpenOption.APPEND);
        CliRunner second = CliRunner.run("run", config.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("incremental: ", "bad lines skipped");
        assertThat(second.err()).as("not quiet: the bad line located").contains("events.jsonl:");
        assertThat(CliRunner.run("run", "--quiet", "--verbose", config.toString()).exit()).isEqualTo(2);
    }
}
