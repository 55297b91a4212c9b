package dev.scoreline.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@link Scoreline#run()} or {@link Scoreline#follow} did. With a store, {@code changed}
 * counts the results whose value or status moved (only those reach the sinks) and {@code runId}
 * names the run in the history; without one, every result is delivered and counted as changed.
 * {@code rescored} is how many records were scored and {@code plan} says why: every record
 * ({@code full: …}), or only what changed in the adapter's feed and what fell due
 * ({@code incremental: …}). {@code statusCounts} are the records per status of each score after the
 * run; with a store, {@code statusCountsBefore} are those before it (empty without a store).
 */
public record RunReport(long recordsRead, long results, long changed, long delivered, long pendingInOutboxes,
                        Map<String, Map<String, Long>> statusCounts, String runId, Duration took,
                        long rescored, String plan, Map<String, Map<String, Long>> statusCountsBefore) { }
