package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.plugins.csv.CsvSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's entry point given a run config: the quickstart's own config (rules, jsonl adapter,
 * a jsonl and a csv sink, a store, an as-of) scored on a MiniCluster writes, in each sink's file,
 * exactly the lines the one-JVM engine gives; what the job does not do is refused in one coded line.
 */
class ConfigJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    @Test
    void theQuickstartConfigScoresAsOneJvmInEachSinksFile() throws Exception {
        Path config = quickstart();
        Run run = run(config.toString(), "--parallelism", "2");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("at 2026-03-01T00:00:00Z").contains("(parallelism 2)").contains("scores.jsonl");
        assertThat(run.err).contains("scoreline flink run: the store is not read or written");

        RuleTexts rules = RuleTexts.read(List.of(dir.resolve("lead.score"), dir.resolve("lead-quality.score"),
                dir.resolve("health.score")));
        Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
        List<String> expected = Cases.oneJvm(rules, dir.resolve("data"), asOf, Files.createDirectories(dir.resolve("one")));
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(Cases.sortedLines(List.of(dir.resolve("out/scores.jsonl")))).isEqualTo(expected);
        assertThat(sortedRows(dir.resolve("out/scores.csv"))).isEqualTo(sortedRows(oneJvmCsv(rules, asOf)));
    }

    @Test
    void theStoresCatalogAsRulesIsRefused() throws IOException {
        Run run = run(config("rules: catalog\nadapter: {name: jsonl, dir: data}\nsinks: [{name: jsonl, file: s.jsonl}]\n"
                + "store: embedded\n"));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("error[SL502]: ").contains("\"rules: catalog\" reads the store's catalog, and the Flink"
                + " job reads no store; fix: name the .score files in rules");
    }

    @Test
    void aJdbcAdapterReadsItsTablesInTheTasksAndScoresAsOneJvm() throws Exception {
        quickstart();
        String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
        db.setURL(url);
        db.setUser("sa");
        new dev.scoreline.plugins.jdbc.JdbcLoader(db).replaceAll(
                new dev.scoreline.plugins.jsonl.JsonlAdapter(dir.resolve("data")), dev.scoreline.api.DataProblems.IGNORE);
        Run run = run(config("rules: [lead.score, health.score]\nadapter: {name: jdbc, url: \"" + url + "\", user: sa}\n"
                + "sinks: [{name: jsonl, file: out/jdbc.jsonl}]\nas-of: 2026-03-01T00:00:00Z\n"), "--parallelism", "2");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).startsWith("scored adapter jdbc at 2026-03-01T00:00:00Z");

        RuleTexts rules = RuleTexts.read(List.of(dir.resolve("lead.score"), dir.resolve("health.score")));
        List<String> expected = Cases.oneJvm(rules, dir.resolve("data"), Instant.parse("2026-03-01T00:00:00Z"),
                Files.createDirectories(dir.resolve("one")));
        assertThat(expected).hasSizeGreaterThan(400);
        assertThat(Cases.sortedLines(List.of(dir.resolve("out/jdbc.jsonl")))).isEqualTo(expected);
    }

    @Test
    void aBadAdapterSettingIsTheSettingsError() throws IOException {
        Run run = run(config("rules: [lead.score]\nadapter: {name: jdbc, url: \"not-jdbc\"}\n"
                + "sinks: [{name: jsonl, file: s.jsonl}]\n"));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("error[SL504]: adapter \"jdbc\": ").contains("must be a JDBC URL").doesNotContain("\tat ");
    }

    @Test
    void aConfigWithoutSinksIsRefused() throws IOException {
        Run run = run(config("rules: [lead.score]\nadapter: {name: jsonl, dir: data}\n"));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("error[SL502]: ").contains("names no sinks");
    }

    @Test
    void aBadSinkSettingIsTheSettingsError() throws IOException {
        Run run = run(config("rules: [lead.score]\nadapter: {name: jsonl, dir: data}\nsinks: [{name: jsonl, colour: red}]\n"));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("error[SL504]: sink \"jsonl\": ");
    }

    @Test
    void badArgumentsAndAMissingConfigAreOneCodedLine() throws IOException {
        Run noConfig = run(dir.resolve("none.yaml").toString());
        assertThat(noConfig.exit).isEqualTo(2);
        assertThat(noConfig.err).startsWith("error[SL501]: no config file at ");
        Run parallelism = run(quickstart().toString(), "--parallelism", "zero");
        assertThat(parallelism.err).startsWith("error[SL509]: --parallelism takes a whole number of at least 1, not \"zero\"");
        assertThat(parallelism.exit).isEqualTo(2);
        Run rules = run(config("rules: [missing.score]\nadapter: {name: jsonl, dir: data}\nsinks: [{name: jsonl, file: s.jsonl}]\n"));
        assertThat(rules.err).startsWith("error[SL511]: ");
        assertThat(List.of(noConfig.err, parallelism.err, rules.err)).allSatisfy(e -> assertThat(e).doesNotContain("\tat "));
    }

    /** The quickstart folder copied to the test's folder (its config's paths are relative to it). */
    private Path quickstart() throws IOException {
        Path source = Path.of("..", "examples", "quickstart");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(f, target);
                }
            }
        }
        return dir.resolve("scoreline.yaml");
    }

    private String config(String yaml) throws IOException {
        quickstart();
        Path file = dir.resolve("flink.yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private List<String> oneJvmCsv(RuleTexts rules, Instant asOf) throws Exception {
        Path file = dir.resolve("one-jvm.csv");
        try (CsvSink sink = new CsvSink(file)) {
            sink.open();
            sink.write(Cases.oneJvmUpdates(rules, DataFolder.jsonl(dir.resolve("data")), asOf));
        }
        return Files.readAllLines(file);
    }

    private static List<String> sortedRows(Path file) throws IOException {
        return sortedRows(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static List<String> sortedRows(List<String> lines) {
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(null);
        rows.add(0, lines.get(0)); // the header first, once
        return rows;
    }

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = JobMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
