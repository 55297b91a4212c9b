package dev.scoreline.bench;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScorelineModule;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import dev.scoreline.store.ScoreStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "job" scenario: what {@code scoreline run --full} costs a user, end to end, through the
 * runtime API on the data folder into an embedded H2 store in a fresh folder: a first run (every
 * record new), a second full run on the same data (nothing changed) and a plain run after it (the
 * incremental plan, or full when the adapter keeps no feed). The scores are the lead and health
 * scenarios' (contacts and companies). Load and score are measured apart, with the engine alone on
 * the same data, so the store's share (writing current values and history, with their causes) is
 * the run's time minus them; {@link StoreWriteBenchmark} measures the store alone.
 */
final class JobBenchmark {

    private JobBenchmark() {
    }

    static String run(DataSet data, Instant asOf, int threads) throws IOException {
        Path folder = data.folder().orElseThrow();
        Path rules = Files.createTempDirectory("scoreline-bench-rules");
        List<Path> files = new ArrayList<>();
        StringBuilder allText = new StringBuilder();
        for (Scenario sc : List.of(Scenario.LEAD, Scenario.HEALTH)) {
            Path f = rules.resolve(sc.name + ".score");
            Files.writeString(f, sc.scoreText());
            files.add(f);
            allText.append(sc.scoreText()).append('\n');
        }
        double[] loadScore = loadAndScore(allText.toString(), folder, asOf, threads);
        Path storeDir = Files.createTempDirectory("scoreline-bench-job-store");
        StringBuilder t = new StringBuilder();
        t.append("## Scenario `job`: `run --full` with the embedded H2 store (lead and health scores)\n\n");
        t.append(String.format(Locale.ROOT, "engine alone: load %.2f s, score %.2f s (warm, median of 3)%n%n",
                loadScore[0], loadScore[1]));
        t.append("| run | plan | results | changed (history rows) | wall s | CPU s (process) | store share s (wall − load − score) | history rows/s |\n");
        t.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        try (ScoreStore store = ScoreStore.embedded(storeDir)) {
            row(t, "first (empty store)", job(store, files, folder, asOf, threads, true), loadScore);
            row(t, "second, nothing changed (`--full`)", job(store, files, folder, asOf, threads, true), loadScore);
            row(t, "third, nothing changed (plain `run`)", job(store, files, folder, asOf, threads, false), loadScore);
        } finally {
            UpdateBenchmark.deleteTree(storeDir);
            UpdateBenchmark.deleteTree(rules);
        }
        return t.append('\n').toString();
    }

    private record Job(RunReport report, double wallS, double cpuS) { }

    private static Job job(ScoreStore store, List<Path> files, Path folder, Instant asOf, int threads, boolean full) {
        double cpu0 = processCpuS();
        long t0 = System.nanoTime();
        RunReport r;
        try (JsonlAdapter adapter = new JsonlAdapter(folder)) {
            r = Scoreline.builder().engine(ScoreEngine.builder().threads(threads).build())
                    .install(ScorelineModule.adapter(adapter)).rules(files.toArray(Path[]::new))
                    .asOf(asOf).store(store).fullRun(full).build().run();
        }
        return new Job(r, (System.nanoTime() - t0) / 1e9, processCpuS() - cpu0);
    }

    private static void row(StringBuilder t, String name, Job j, double[] loadScore) {
        double storeS = Math.max(0, j.wallS() - loadScore[0] - loadScore[1]);
        String plan = j.report().plan() == null ? "" : j.report().plan().split(":")[0];
        t.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %s |%n", name, plan,
                j.report().results(), j.report().changed(), j.wallS(), j.cpuS(), storeS,
                j.report().changed() == 0 || storeS == 0 ? "–" : String.format(Locale.ROOT, "%.0f", j.report().changed() / storeS)));
        System.err.printf(Locale.ROOT, "job / %s: %.2f s, %d changed%n", name, j.wallS(), j.report().changed());
    }

    /** The engine alone: loading the folder, and scoring every record (warm, median of 3). */
    private static double[] loadAndScore(String text, Path folder, Instant asOf, int threads) {
        ParseResult parsed = ScoreParser.parse("job.score", text);
        ScoreEngine engine = ScoreEngine.builder().threads(threads).build();
        CompiledScores scores = engine.compile(parsed.definitions());
        long t0 = System.nanoTime();
        var loaded = engine.load(scores, new JsonlAdapter(folder), DataProblems.IGNORE);
        double loadS = (System.nanoTime() - t0) / 1e9;
        double[] score = new double[3];
        for (int i = -1; i < score.length; i++) {
            long s = System.nanoTime();
            engine.score(loaded, asOf, r -> { });
            if (i >= 0) score[i] = (System.nanoTime() - s) / 1e9;
        }
        java.util.Arrays.sort(score);
        return new double[] {loadS, score[1]};
    }

    static double processCpuS() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() / 1e9 : Double.NaN;
    }
}
