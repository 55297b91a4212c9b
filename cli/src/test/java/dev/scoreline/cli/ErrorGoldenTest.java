package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line prints when something a user can meet goes wrong: the exact stderr is a
 * golden file under {@code src/test/resources/errors/} (with the test's folder written {@code $DIR}),
 * one coded line {@code error[SLnnn]: …}, a non-zero exit of data-and-cli.md, and never a stack
 * frame. Run with {@code -Dgolden.update=true} to write the files after a deliberate change.
 */
class ErrorGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/errors");

    @TempDir
    Path dir;

    @Test
    void aMissingConfigFile() throws IOException {
        check("config-missing", Main.USAGE, "run", dir.resolve("none.yaml").toString());
    }

    @Test
    void aConfigThatIsNotYaml() throws IOException {
        check("config-invalid-yaml", Main.USAGE, "run", config("rules: [lead.score\nadapter: {name: jsonl\n"));
    }

    @Test
    void aConfigWithAnUnknownKey() throws IOException {
        check("config-unknown-key", Main.USAGE, "run", config("rules: [lead.score]\nadaptor: {name: jsonl, dir: data}\n"));
    }

    @Test
    void theCatalogAsRulesWithoutAStore() throws IOException {
        check("catalog-without-store", Main.USAGE, "run", config("rules: catalog\nadapter: {name: jsonl, dir: data}\n"));
    }

    @Test
    void theCatalogAsRulesWithNoActiveScore() throws IOException {
        check("catalog-empty", Main.USAGE, "run", config("rules: catalog\nadapter: {name: jsonl, dir: data}\nstore: embedded\n"));
    }

    @Test
    void anUnreachablePostgresStore() throws IOException {
        // Nothing listens on port 1: the driver is refused at once, no server needed.
        check("store-unreachable", Main.STORE_UNAVAILABLE, "run", config(quickstart()
                + "store: {url: \"jdbc:postgresql://127.0.0.1:1/scoreline\", user: scoreline, password: secret}\n"));
    }

    @Test
    void aReadOnlyEmbeddedStoreFolder() throws IOException {
        Path store = Files.createDirectories(dir.resolve("scoreline-data"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            check("store-read-only", Main.STORE_UNAVAILABLE, "run", config(quickstart() + "store: embedded\n"));
        } finally {
            Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anEmbeddedStoreFolderThatIsAFile() throws IOException {
        Files.writeString(dir.resolve("scoreline-data"), "not a folder");
        check("store-folder-is-a-file", Main.STORE_UNAVAILABLE, "run", config(quickstart() + "store: embedded\n"));
    }

    @Test
    void aStoreAnotherRunHolds() throws Exception {
        String config = config(quickstart() + "store: embedded\n");
        Path store = dir.resolve("scoreline-data");
        dev.scoreline.store.ScoreStore.embedded(store).close();
        // A live run on another machine: its heartbeat is fresh, so it is not taken over.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                dev.scoreline.store.ScoreStore.embeddedUrl(store), "sa", "");
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO sl_store_lock (lock_name, token, run_id, "
                     + "host, pid, since, heartbeat) VALUES ('run', 'other', 'run-nightly', 'build-7', 4242, ?, ?)")) {
            ps.setObject(1, java.time.OffsetDateTime.parse("2026-12-01T09:00:00Z"));
            ps.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1));
            ps.executeUpdate();
        }
        check("store-held", Main.STORE_UNAVAILABLE, "run", config);
    }

    @Test
    void csvFilesGivenToTheJsonlAdapter() throws IOException {
        Files.writeString(dir.resolve("lead.score"), LEAD);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("contact.csv"), "id,email\nc1,a@example.com\n");
        check("data-no-files", Main.USAGE, "run", config("rules: [lead.score]\nadapter: {name: jsonl, dir: data}\n"));
    }

    @Test
    void anUnknownAdapterPlugin() throws IOException {
        check("unknown-adapter", Main.USAGE, "run", config("rules: [lead.score]\nadapter: {name: xml, dir: data}\n"));
    }

    @Test
    void anUnknownSinkPlugin() throws IOException {
        check("unknown-sink", Main.USAGE, "run", config(quickstart() + "sinks:\n  - {name: kafka, topic: scores}\n"));
    }

    @Test
    void aBadPluginSetting() throws IOException {
        check("bad-plugin-setting", Main.USAGE, "run",
                config(quickstart() + "sinks:\n  - {name: jsonl, file: out.jsonl, colour: red}\n"));
    }

    @Test
    void twoSinksUnderOneName() throws IOException {
        check("duplicate-sink", Main.USAGE, "run",
                config(quickstart() + "sinks:\n  - {name: jsonl, file: a.jsonl}\n  - {name: jsonl, file: b.jsonl}\n"));
    }

    @Test
    void twoSinksGivenOneId() throws IOException {
        check("duplicate-sink-id", Main.USAGE, "run", config(quickstart() + "sinks:\n"
                + "  - {name: webhook, id: hook, url: \"http://127.0.0.1:9/a\"}\n"
                + "  - {name: jsonl, file: a.jsonl}\n"
                + "  - {name: webhook, id: hook, url: \"http://127.0.0.1:9/b\", secret: whsec_c2VjcmV0}\n"));
    }

    @Test
    void twoSinksWritingOneFile() throws IOException {
        check("sink-file-shared", Main.USAGE, "run", config(quickstart()
                + "sinks:\n  - {name: jsonl, file: out/a.jsonl}\n  - {name: jsonl, id: audit, file: out/../out/a.jsonl}\n"));
    }

    @Test
    void aSinkIdThatCannotNameAnOutbox() throws IOException {
        check("sink-id-invalid", Main.USAGE, "run",
                config(quickstart() + "sinks:\n  - {name: jsonl, id: \"../audit\", file: a.jsonl}\n"));
    }

    @Test
    void rulesWithErrors() throws IOException {
        Files.writeString(dir.resolve("bad.score"),
                "score \"Bad\" on contact\n  type engagement\n  group \"G\"\n    add ten for each call\n");
        check("rule-errors", Main.RULE_ERRORS, "run", config("rules: [bad.score]\nadapter: {name: jsonl, dir: data}\n"));
    }

    @Test
    void aMissingDataFolder() throws IOException {
        Files.writeString(dir.resolve("lead.score"), LEAD);
        check("data-missing", Main.USAGE, "score", "--rules", dir.resolve("lead.score").toString(),
                "--data", dir.resolve("nope").toString());
    }

    @Test
    void badDataWithStrictExitsThree() throws IOException {
        Files.writeString(dir.resolve("lead.score"), LEAD);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\"}\nnot json\n");
        check("bad-data-strict", Main.BAD_DATA, "score", "--strict", "--rules", dir.resolve("lead.score").toString(),
                "--data", data.toString());
    }

    @Test
    void updatesASinkCouldNotTakeStayInItsOutboxAndExitFour() throws IOException {
        // Nothing can create a folder in /proc, not even root: the sink refuses, its outbox keeps the update.
        CliRunner r = check("undelivered", Main.UNDELIVERED, "run", config(quickstart()
                + "sinks:\n  - {name: jsonl, file: /proc/scoreline-nowhere/scores.jsonl, attempts: 1}\noutbox: outbox\n"));
        assertThat(r.out()).contains("sink jsonl: 0 delivered, 1 kept for the next run (failed: ");
    }

    @Test
    void previewAgainstActiveWithoutAStore() throws IOException {
        quickstart();
        check("against-active-no-store", Main.STORE_UNAVAILABLE, "preview", "--rules", dir.resolve("lead.score").toString(),
                "--data", dir.resolve("data").toString(), "--against", "active", "--store", dir.resolve("none").toString());
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void previewAgainstActiveWhereTheScoreIsADraft() throws IOException {
        quickstart();
        Path store = dir.resolve("store");
        assertThat(CliRunner.run("scores", "add", dir.resolve("lead.score").toString(), "--store", store.toString()).exit())
                .isZero();
        check("against-active-draft", Main.exitCode(dev.scoreline.api.ErrorCode.UNKNOWN_SCORE), "preview", "--rules",
                dir.resolve("lead.score").toString(), "--data", dir.resolve("data").toString(), "--against", "active",
                "--store", store.toString());
    }

    @Test
    void anAdjustmentOfAnUnknownScoreNamesTheNearest() throws IOException {
        check("adjust-unknown-score", Main.RULE_ERRORS, adjust("contact:c1", "--score", "Laed", "--points", "5"));
    }

    @Test
    void anAdjustmentOfARecordTheStoreHasNoValueOf() throws IOException {
        check("adjust-unknown-record", Main.RULE_ERRORS, adjust("contact:c9", "--score", "Lead", "--points", "5"));
    }

    @Test
    void anAdjustmentUntilABadDate() throws IOException {
        check("adjust-bad-until", Main.USAGE, adjust("contact:c1", "--score", "Lead", "--points", "5",
                "--until", "next friday"));
    }

    @Test
    void removingAnAdjustmentThatIsNotThere() throws IOException {
        String[] args = adjust();
        check("adjust-unknown-id", Main.RULE_ERRORS, "adjust", "--store", args[3], "--remove", "42");
    }

    /** Scores the quickstart into a store, then returns {@code adjust KEY --store URL --reason … more}. */
    private String[] adjust(String... more) throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        assertThat(CliRunner.run("run", config(quickstart() + "store: {url: \"" + url + "\"}\n")).exit()).isZero();
        List<String> args = new java.util.ArrayList<>(List.of("adjust", more.length == 0 ? "contact:c1" : more[0],
                "--store", url, "--reason", "met at the fair", "--author", "alice"));
        args.addAll(List.of(more).subList(Math.min(1, more.length), more.length));
        return args.toArray(String[]::new);
    }

    @Test
    void suggestOnTooFewExamples() throws IOException {
        // Three contacts, one of which converted: far from the 50 examples and 25 of each class a fit needs.
        Path data = outcomeData();
        check("too-few-examples", Main.USAGE, "suggest", "--quiet", "--type", "contact", "--data", data.toString(),
                "--as-of", "2026-03-01", "--start", "lifecycle_change", "--end", "meeting_booked", "--within", "30d",
                "--out", dir.resolve("s.score").toString());
        assertThat(dir.resolve("s.score")).doesNotExist();
    }

    @Test
    void aBadOutcomeEvent() throws IOException {
        Files.writeString(dir.resolve("lead.score"), LEAD);
        check("bad-outcome-event", Main.USAGE, "backtest", "--rules", dir.resolve("lead.score").toString(),
                "--data", outcomeData().toString(), "--as-of", "2026-03-01", "--start", "lifecycle_change where to is",
                "--end", "meeting_booked", "--within", "30d");
    }

    @Test
    void aConfigTogetherWithADataFolder() throws IOException {
        check("config-and-data", Main.USAGE, "backtest", "--config", config(quickstart()), "--data",
                dir.resolve("data").toString(), "--start", "lifecycle_change", "--end", "meeting_booked", "--within", "30d");
    }

    /** Three contacts that became leads in 2025, one of which booked a meeting. */
    private Path outcomeData() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder records = new StringBuilder(), events = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            records.append("{\"type\":\"contact\",\"id\":\"c").append(i).append("\"}\n");
            events.append("{\"record\":\"contact:c").append(i)
                    .append("\",\"type\":\"lifecycle_change\",\"at\":\"2025-06-01T00:00:00Z\"}\n");
        }
        events.append("{\"record\":\"contact:c1\",\"type\":\"meeting_booked\",\"at\":\"2025-09-10T00:00:00Z\"}\n");
        Files.writeString(data.resolve("records.jsonl"), records);
        Files.writeString(data.resolve("events.jsonl"), events);
        return data;
    }

    @Test
    void aFlinkJobJarThatIsNotThere() throws IOException {
        check("flink-jar-missing", Main.USAGE, "flink", "run", config(quickstart()), "--jar", dir.resolve("job.jar").toString());
    }

    @Test
    void debugShowsTheTraceBehindTheLine() throws IOException {
        CliRunner r = CliRunner.run("--debug", "run", dir.resolve("none.yaml").toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("error[SL501]: no config file at ").containsPattern("(?m)^\\s+at dev\\.scoreline\\.");
    }

    @Test
    void anUnforeseenFailureIsAnInternalErrorWithoutATrace() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int exit = Main.failed(new IllegalStateException("boom"), cl, null);
        assertThat(exit).isEqualTo(Main.INTERNAL);
        assertThat(err.toString()).isEqualTo("error[SL900]: unexpected IllegalStateException: boom; fix: this is a bug in "
                + "Scoreline; please report it (run with --debug for the trace)" + System.lineSeparator());
    }

    private static final String LEAD = "score \"Lead\" on contact\n  type engagement\n  group \"Sales\"\n"
            + "    add 10 for each meeting_booked\n";

    /** A lead score and a data folder beside the config; returns the config's first lines. */
    private String quickstart() throws IOException {
        Files.writeString(dir.resolve("lead.score"), LEAD);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\"}\n");
        return "rules: [lead.score]\nadapter: {name: jsonl, dir: data}\n";
    }

    private String config(String text) throws IOException {
        Path config = dir.resolve("scoreline.yaml");
        Files.writeString(config, text);
        return config.toString();
    }

    private CliRunner check(String name, int exit, String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        String err = r.err().replace(dir.toString(), "$DIR").replace(System.lineSeparator(), "\n");
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, err, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file of " + name).exists();
        assertThat(err).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(r.exit()).as(name + ": exit code").isEqualTo(exit);
        List<String> lines = err.lines().toList();
        assertThat(lines).as(name + ": one coded line").filteredOn(l -> l.startsWith("error[SL")).hasSize(1);
        assertThat(lines).as(name + ": no stack frame").noneMatch(l -> l.matches("\\s+at .*"));
        if (exit != Main.UNDELIVERED) {
            assertThat(r.out()).as(name + ": nothing on stdout").isEmpty();
        }
        return r;
    }
}
