package dev.scoreline.engine.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmpPerfTest {
    static { System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error"); System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn"); }
    static Iterator<ScoreResult> gen(int n, int shift) {
        return new Iterator<>() {
            int i;
            public boolean hasNext() { return i < n; }
            public ScoreResult next() {
                int k = i++;
                int v = (k % 10 == 0) ? (k * 7 + shift) % 100 : (k * 7) % 100;
                return new ScoreResult("S", new RecordKey("contact", "c" + k), BigDecimal.valueOf(v), v > 50 ? "High" : "Low", Map.of(), null, null);
            }
        };
    }
    @ParameterizedTest @ValueSource(strings = {"h2", "postgresql"})
    void perf(String db) {
        try (ScoreStore s = StoreDatabases.open(StoreDatabases.freshUrl(db))) {
            long t = System.nanoTime();
            ScoreDiff d1 = s.apply("S", gen(100_000, 0), Instant.now(), "r1", r -> "x", null, b -> { });
            long t1 = System.nanoTime();
            ScoreDiff d2 = s.apply("S", gen(99_000, 3), Instant.now(), "r2", r -> "y", null, b -> { });
            long t2 = System.nanoTime();
            System.out.printf("%s: first %d changes in %d ms; second %d changes %d removed in %d ms%n", db, d1.changed(), (t1 - t) / 1_000_000, d2.changed(), d2.removed(), (t2 - t1) / 1_000_000);
        }
    }
}
