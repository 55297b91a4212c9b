package dev.scoreline.runtime.internal.running;

import dev.scoreline.store.RunInfo;
import dev.scoreline.store.ScoreStore;
import java.util.List;

/** A run's results and changes as the store counted them, over all its scores and every attempt. */
record RunCounts(long results, long changed) {

    static final RunCounts NONE = new RunCounts(0, 0);

    static RunCounts of(ScoreStore store, String runId, List<String> scores) {
        long results = 0;
        long changed = 0;
        for (String score : scores) {
            var run = store.run(runId, score);
            results += run.map(RunInfo::results).orElse(0L);
            changed += run.map(RunInfo::changed).orElse(0L);
        }
        return new RunCounts(results, changed);
    }
}
