package dev.scoreline.bench;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.LiveScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "stream of incremental updates" scenario: the engine's {@link LiveScores} holds a scenario's
 * scores for the whole data set; then one event at a time is appended to a random contact and the
 * time until its updates are computed ({@code apply}) — and, in a second series, also stored as
 * history in the embedded H2 store ({@code ScoreStore.record}) — is measured per event. Reported as
 * percentiles. The baseline is what a system without incremental updates does for the same event:
 * re-score the whole population ({@code ScoreEngine.score}), measured in the same run.
 */
final class UpdateBenchmark {

    /** The store-only measure delivers to no sink, so no batch is logged as owed. */
    private static final dev.scoreline.store.DeliveryLog.Journal NO_SINKS =
            new dev.scoreline.store.DeliveryLog.Journal(List.of(), updates -> "");


    record Latencies(String what, long[] nanos) {
        double percentileMs(double p) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            int i = (int) Math.min(s.length - 1, Math.ceil(p / 100.0 * s.length) - 1);
            return s[Math.max(0, i)] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    private UpdateBenchmark() {
    }

    /** Runs the scenario's updates and returns its section of the results (markdown). */
    static String run(Scenario scenario, DataSet data, Instant asOf, int updates, int threads) throws IOException {
        Path folder = data.folder().orElseThrow();
        ParseResult parsed = ScoreParser.parse(scenario.resource(), scenario.scoreText());
        ScoreEngine engine = ScoreEngine.builder().threads(threads).build();
        CompiledScores scores = engine.compile(parsed.definitions());

        long t0 = System.nanoTime();
        LiveScores live;
        try (JsonlAdapter adapter = new JsonlAdapter(folder)) {
            live = engine.live(scores, adapter, DataProblems.IGNORE, asOf);
        }
        double loadS = (System.nanoTime() - t0) / 1e9;

        // The baseline: everything scored again, as a batch system would for any change.
        var loaded = engine.load(scores, new JsonlAdapter(folder), DataProblems.IGNORE);
        long[] full = new long[3];
        for (int i = 0; i < 1 + full.length; i++) {
            long s = System.nanoTime();
            engine.score(loaded, asOf, r -> { });
            if (i > 0) full[i - 1] = System.nanoTime() - s;
        }
        loaded = null;

        SplittableRandom random = new SplittableRandom(7);
        int contacts = data.table("contact").size;
        int warmup = Math.min(2_000, updates);
        long[] applyOnly = new long[updates];
        long changedTotal = 0;
        for (int i = -warmup; i < updates; i++) {
            DataChange change = randomEvent(random, contacts, asOf);
            long s = System.nanoTime();
            List<ScoreUpdate> u = live.apply(change, asOf);
            long took = System.nanoTime() - s;
            if (i >= 0) {
                applyOnly[i] = took;
                changedTotal += u.size();
            }
        }

        Path storeDir = Files.createTempDirectory("scoreline-bench-store");
        long[] withStore = new long[updates];
        double storeLoadS;
        try (ScoreStore store = ScoreStore.embedded(storeDir)) {
            long s0 = System.nanoTime();
            List<ScoreResult> all = new ArrayList<>(live.results());
            all.sort(Comparator.comparing(ScoreResult::score).thenComparing(ScoreResult::record));
            var run = store.beginRun(scores.definitions().stream().map(d -> d.name()).toList(), asOf, "initial",
                    r -> "initial", null, b -> { });
            all.forEach(run);
            run.finish();
            storeLoadS = (System.nanoTime() - s0) / 1e9;
            for (int i = -warmup; i < updates; i++) {
                DataChange change = randomEvent(random, contacts, asOf);
                long s = System.nanoTime();
                store.record("update-" + (i + warmup), live.apply(change, asOf), NO_SINKS, b -> { });
                long took = System.nanoTime() - s;
                if (i >= 0) withStore[i] = took;
            }
        } finally {
            deleteTree(storeDir);
        }

        Latencies apply = new Latencies("apply (in process)", applyOnly);
        Latencies stored = new Latencies("apply + store history (embedded H2)", withStore);
        double fullMs = Arrays.stream(full).sorted().toArray()[full.length / 2] / 1e6;
        StringBuilder t = new StringBuilder();
        t.append("## Scenario `updates/").append(scenario.name).append("`: one event appended to a random contact, ")
                .append("scores of `").append(scenario.name).append("` brought up to date\n\n");
        t.append(String.format(Locale.ROOT, "%d updates measured after %d warm-up; %d score updates emitted (%.2f per event);"
                        + " live scores built in %.2f s; initial store run %.2f s%n%n",
                updates, warmup, changedTotal, (double) changedTotal / updates, loadS, storeLoadS));
        t.append("| series | p50 ms | p90 ms | p99 ms | max ms | mean ms | updates/s | vs full re-score |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Latencies l : List.of(apply, stored)) {
            t.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f× |%n",
                    l.what(), l.percentileMs(50), l.percentileMs(90), l.percentileMs(99), l.percentileMs(100),
                    l.meanMs(), 1000 / l.meanMs(), fullMs / l.meanMs()));
        }
        t.append(String.format(Locale.ROOT, "| baseline: full re-score of every %s (engine, %d threads) | %.1f | | | | %.1f | %.2f | 1× |%n%n",
                scenario.objectType, threads, fullMs, fullMs, 1000 / fullMs));
        return t.toString();
    }

    /** An event like the generator's, at most 30 days old, on a random contact. */
    private static DataChange randomEvent(SplittableRandom r, int contacts, Instant asOf) {
        int t = DataGenerator.eventType(r);
        Map<String, Object> props = DataGenerator.eventProps(t, r);
        RecordKey contact = new RecordKey("contact", DataGenerator.contactId(r.nextInt(contacts)));
        Instant at = asOf.minusSeconds(r.nextLong(30L * 86_400));
        return new DataChange.EventAppended(new CrmEvent(contact, DataGenerator.EVENT_TYPES[t], at,
                props == null ? Map.of() : props));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
