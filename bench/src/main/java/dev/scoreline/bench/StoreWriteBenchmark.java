package dev.scoreline.bench;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.store.ScoreDiff;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "store-write" scenario: the store alone applying a run of {@code rows} results of one score,
 * three times: every record new (inserts and history), every value changed (updates and history),
 * and nothing changed (the run only marks what it saw). Causes are a fixed text of the length a
 * run's causes have (about 150 characters), so the engine plays no part. On the embedded H2 store
 * and on an embedded PostgreSQL.
 */
final class StoreWriteBenchmark {

    private static final String CAUSE = "run full-2026-01-01: Engagement 42.5, Fit 20 -> 62.5 warm; rules: line 4 page_view +15, "
            + "line 6 form_submission +10, line 9 meeting_booked +17.5, line 14 industry +20";

    private StoreWriteBenchmark() {
    }

    static String run(int rows) throws IOException {
        StringBuilder t = new StringBuilder("## Scenario `store-write`: the store alone, " + rows + " results of one score per run\n\n");
        t.append("| store | run | changed | wall s | CPU s (process) | rows/s (wall) |\n|---|---|---:|---:|---:|---:|\n");
        Path dir = Files.createTempDirectory("scoreline-bench-store-write");
        try (ScoreStore h2 = ScoreStore.embedded(dir)) {
            passes(t, "H2 (embedded file)", h2, rows);
        } finally {
            UpdateBenchmark.deleteTree(dir);
        }
        try (ScoreStore pg = ScoreStore.open(EmbeddedPostgresDatabases.freshDatabaseUrl(),
                EmbeddedPostgresDatabases.USER, EmbeddedPostgresDatabases.PASSWORD)) {
            passes(t, "PostgreSQL (embedded)", pg, rows);
        }
        return t.append('\n').toString();
    }

    private static void passes(StringBuilder t, String name, ScoreStore store, int rows) {
        String[] runs = {"all new", "all changed", "nothing changed"};
        for (int pass = 0; pass < runs.length; pass++) {
            List<ScoreResult> results = new ArrayList<>(rows);
            int shift = pass == 0 ? 0 : 1;
            for (int i = 0; i < rows; i++) {
                results.add(new ScoreResult("Lead", new RecordKey("contact", String.format(Locale.ROOT, "c%07d", i)),
                        BigDecimal.valueOf(i % 100 + shift), "warm", Map.of(), null, null));
            }
            double cpu0 = JobBenchmark.processCpuS();
            long t0 = System.nanoTime();
            ScoreDiff d = store.ledger().apply("Lead", results.iterator(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(pass),
                    "store-write-" + pass, r -> CAUSE, null, b -> { });
            double wall = (System.nanoTime() - t0) / 1e9;
            t.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.0f |%n", name, runs[pass], d.changed(), wall,
                    JobBenchmark.processCpuS() - cpu0, rows / wall));
            System.err.printf(Locale.ROOT, "store-write / %s / %s: %.2f s%n", name, runs[pass], wall);
        }
    }
}
