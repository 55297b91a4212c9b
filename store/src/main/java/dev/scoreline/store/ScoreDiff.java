package dev.scoreline.store;

import dev.scoreline.api.ScoreUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What applying one run's results of one score changed in the store.
 *
 * @param changes   the records whose value or status moved (entered the scope included), in the
 *                  order the results came; empty when the changes were streamed to a listener
 *                  instead. After a resume it also holds the changes an earlier, interrupted
 *                  attempt of the same run had committed ({@code recovered} of them), so what a
 *                  sink may have missed is delivered again: at least once.
 * @param removals  the records that left the scope (history entries with no new value)
 * @param results   the results applied
 * @param changed   the number of changes (the size of {@code changes} when they are kept)
 * @param recovered how many of the changes an earlier attempt of this run had committed
 * @param before    records per status before the run (at its first attempt), by status
 * @param after     records per status after it
 * @param resumed   true when this run had been started before and was resumed
 */
public record ScoreDiff(String score, String runId, Instant at, List<ScoreUpdate> changes,
                        List<HistoryEntry> removals, long results, long changed, long recovered, long removed,
                        Map<String, Long> before, Map<String, Long> after, boolean resumed) {

    public ScoreDiff {
        changes = List.copyOf(changes);
        removals = List.copyOf(removals);
        before = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(before));
        after = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(after));
    }

    /** Nothing moved. */
    public boolean isEmpty() {
        return changed == 0 && removed == 0;
    }

    /**
     * One committed batch, as given to a listener right after its commit: the changes, in input
     * order, and the records that left the scope. Batches with neither are not given.
     * {@code recovered} results had been committed by an earlier attempt of the run: without a
     * journal their changes are among {@code changes} again; with one they are not (the
     * {@link DeliveryLog} holds what the sinks had not acknowledged). {@code logged} is the batch's
     * seq in the delivery log (0: not logged), what the sinks acknowledge once they have it.
     * {@code score} is null for a batch of the live path ({@link ScoreStore#record}), which may
     * hold several scores' changes, left-scope updates among them.
     */
    public record Batch(String score, String runId, int number, List<ScoreUpdate> changes, int recovered,
                        List<HistoryEntry> removals, long logged) {

        /** What the sinks receive: the changes, then one left-scope update per removal ({@link HistoryEntry#leftScope}). */
        public List<ScoreUpdate> updates() {
            List<ScoreUpdate> out = new java.util.ArrayList<>(changes);
            removals.forEach(r -> out.add(r.leftScope()));
            return out;
        }
    }
}
