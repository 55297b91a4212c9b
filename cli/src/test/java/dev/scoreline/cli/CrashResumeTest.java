package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.RunInfo;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scoreline run} killed with SIGKILL at random points, then resumed, several times, in real
 * child processes: the history holds every change exactly once, each resumed attempt re-sends the
 * jsonl sink at most one batch (what it had not acknowledged), and the run's counters are exact.
 * On H2 and on a real PostgreSQL. {@code bench/crash-resume.sh} is the same at 100,000 records.
 */
class CrashResumeTest {

    /** The 100,000 records on H2; on the embedded PostgreSQL, whose writes take about three times as long here, 25,000. */
    static int records(String db) {
        return db.equals("h2") ? 100_000 : 25_000;
    }
    static final int BATCH = 5_000;
    static final int KILLS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void killedRunsResumeWithHistoryOnceAndAtMostOneBatchResentEachTime(String db, @TempDir Path dir) throws Exception {
        int records = records(db);
        Path config = crashProject(dir, db, records, BATCH);
        Path sink = dir.resolve("out/scores.jsonl");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < KILLS) {
            points.add(BATCH / 2 + random.nextInt(records - 3 * BATCH));
        }
        long duplicates = 0;
        for (int point : points) {
            Process run = start(config, dir, "killed-" + point);
            while (run.isAlive() && wholeLines(sink).size() < point) {
                Thread.sleep(5);
            }
            assertThat(run.isAlive()).as("seed %d: the run was still running at %d lines", seed, point).isTrue();
            run.destroyForcibly().waitFor();
            List<String> lines = wholeLines(sink);
            long now = lines.size() - new HashSet<>(lines).size();
            assertThat(now - duplicates).as("seed %d: re-sent by the attempt killed at %d", seed, point)
                    .isLessThanOrEqualTo(BATCH);
            duplicates = now;
        }
        Process last = start(config, dir, "last");
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(dir.resolve("last.out"));
        assertThat(last.exitValue()).as(out + Files.readString(dir.resolve("last.err"))).isZero();

        List<String> lines = wholeLines(sink);
        assertThat(new HashSet<>(lines)).as("every change reached the sink").hasSize(records);
        assertThat(lines.size() - records).as("seed %d: re-sent in all", seed).isLessThanOrEqualTo(KILLS * BATCH);
        String count = String.format(java.util.Locale.ROOT, "%,d", records);
        assertThat(out).contains("resumed run run-", "scored " + count + " results", count + " changed", "sink jsonl: ");
        try (ScoreStore store = open(config, db)) {
            RunInfo run = store.unfinishedRuns().isEmpty() ? finishedRun(store, out) : null;
            assertThat(run).isNotNull();
            assertThat(run.results()).as("results counted once over all attempts").isEqualTo(records);
            assertThat(run.changed()).isEqualTo(records);
            List<HistoryEntry> history = store.historyOfRun(run.runId());
            assertThat(history).hasSize(records);
            assertThat(history.stream().map(h -> h.record().toString()).distinct().count()).isEqualTo(records);
            assertThat(store.deliveries().owed("jsonl")).as("nothing left owed").isEmpty();
        }
    }

    private static RunInfo finishedRun(ScoreStore store, String out) {
        String runId = out.substring(out.indexOf("(history: ") + 10, out.indexOf(')', out.indexOf("(history: ")));
        return store.run(runId, "Lead score").orElse(null);
    }

    /** A folder of {@code records} contacts, the quickstart's lead score, a jsonl sink and a store. */
    static Path crashProject(Path dir, String db, int records, int batch) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < records; i++) {
            text.append("{\"type\":\"contact\",\"id\":\"c").append(i).append("\",\"properties\":{\"jobtitle\":\"")
                    .append(i % 3 == 0 ? "VP Sales" : "developer").append("\"},\"lists\":[]}\n");
        }
        Files.writeString(data.resolve("records.jsonl"), text);
        Files.writeString(data.resolve("events.jsonl"), "");
        Files.writeString(data.resolve("associations.jsonl"), "");
        Files.copy(Path.of("..", "examples", "quickstart", "lead.score"), dir.resolve("lead.score"));
        String url = db.equals("h2") ? "jdbc:h2:file:" + dir.resolve("store/store").toAbsolutePath()
                : EmbeddedPostgresDatabases.freshDatabaseUrl();
        String credentials = db.equals("h2") ? "" : ", user: " + EmbeddedPostgresDatabases.USER + ", password: "
                + EmbeddedPostgresDatabases.PASSWORD;
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, """
                rules: [lead.score]
                adapter: {name: jsonl, dir: data}
                sinks:
                  - {name: jsonl, file: out/scores.jsonl}
                store: {url: "%s"%s, batch: %d}
                outbox: out/outbox
                as-of: 2026-03-01T00:00:00Z
                """.formatted(url, credentials, batch));
        return config;
    }

    static ScoreStore open(Path config, String db) throws IOException {
        String text = Files.readString(config);
        String url = text.substring(text.indexOf("url: \"") + 6, text.indexOf('"', text.indexOf("url: \"") + 6));
        return db.equals("h2") ? ScoreStore.open(url, null, null)
                : ScoreStore.open(url, EmbeddedPostgresDatabases.USER, EmbeddedPostgresDatabases.PASSWORD);
    }

    /** {@code scoreline run [OPTIONS] CONFIG} in a child JVM, its output in {@code NAME.out} and {@code NAME.err}. */
    static Process start(Path config, Path dir, String name, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
        command.addAll(List.of(options));
        command.add(config.toString());
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** The whole lines of a jsonl sink's file, as (score, record) keys; a torn last line is not one. */
    static List<String> wholeLines(Path file) throws IOException {
        return wholeLines(file, n -> n.path("score").asText() + "|" + n.path("record").asText());
    }

    /** The whole lines of a jsonl sink's file, each as {@code key} makes it of the line's JSON. */
    static List<String> wholeLines(Path file, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, String> key)
            throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            out.add(key.apply(JSON.readTree(text.substring(start, end))));
        }
        return out;
    }
}
