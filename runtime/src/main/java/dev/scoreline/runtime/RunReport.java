package dev.scoreline.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Scoreline#run()} or {@link Scoreline#follow} did. With a store, {@code changed}
 * counts the results whose value or status moved (only those reach the sinks) and {@code runId}
 * names the run in the history; without one, every result is delivered and counted as changed.
 * {@code rescored} is how many records were scored and {@code plan} says why: every record
 * ({@code full: …}), or only what changed in the adapter's feed and what fell due
 * ({@code incremental: …}). {@code statusCounts} are the records per status of each score after the
 * run; with a store, {@code statusCountsBefore} are those before it (empty without a store).
 *
 * <p>{@code sinks} says, per sink, what it took, what was retried, what is kept for the next run
 * and why. With a store the counts of a resumed run ({@code resumed}: an interrupted run of these
 * scores taken up again with its id) are the run's, over every attempt, exactly as an
 * uninterrupted run would count them; {@code changedBefore} of its changes were committed by the
 * interrupted attempts. {@code cleared} counts the values the run cleared (records that left a
 * score's scope, every value of a deactivated score), each delivered as a left-scope update.
 */
public record RunReport(long recordsRead, long results, long changed, Map<String, Map<String, Long>> statusCounts,
                        String runId, Duration took, long rescored, String plan,
                        Map<String, Map<String, Long>> statusCountsBefore, List<SinkReport> sinks, boolean resumed,
                        long changedBefore, long cleared) {

    public RunReport {
        sinks = List.copyOf(sinks);
    }

    /** Updates kept for the next run, over all sinks (in their outboxes or the store's delivery log). */
    public long kept() {
        return sinks.stream().mapToLong(SinkReport::kept).sum();
    }

    /** Whether every update reached every sink. */
    public boolean complete() {
        return sinks.stream().allMatch(SinkReport::complete);
    }

    /** Updates re-sent because a sink had not acknowledged them when an earlier run stopped. */
    public long resent() {
        return sinks.stream().mapToLong(SinkReport::resent).sum();
    }
}
