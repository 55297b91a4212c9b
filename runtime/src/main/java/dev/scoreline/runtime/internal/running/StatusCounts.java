package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.store.ScoreDiff;
import java.util.Map;
import java.util.TreeMap;

/** The records per status of each score that a report shows: counted from results, or the store's. */
final class StatusCounts {

    private final Map<String, Map<String, Long>> after = new TreeMap<>();
    private final Map<String, Map<String, Long>> before = new TreeMap<>();
    private long removed;

    void count(ScoreResult r) {
        after.computeIfAbsent(r.score(), k -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
    }

    /** With a store the counts are the store's: records not re-scored keep their values. */
    void takeFromStore(Map<String, ScoreDiff> diffs) {
        diffs.forEach((name, diff) -> {
            removed += diff.removed();
            after.put(name, new TreeMap<>(diff.after()));
            before.put(name, new TreeMap<>(diff.before()));
        });
    }

    /** Values the store cleared (records that left a score's scope, scores deactivated), over the diffs taken. */
    long removed() {
        return removed;
    }

    Map<String, Map<String, Long>> after() {
        return after;
    }

    Map<String, Map<String, Long>> before() {
        return before;
    }
}
