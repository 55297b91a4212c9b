package dev.scoreline.store;

import java.time.Instant;

/**
 * A run of one score as the store recorded it. A run in state {@code running} was interrupted (or
 * is under way): apply it again with the same run id to resume it; its {@code at} is kept.
 */
public record RunInfo(String runId, String score, Instant at, String state, int batches, String lastKey,
                      long results, long changed, long removed, Instant startedAt, Instant finishedAt) { }
