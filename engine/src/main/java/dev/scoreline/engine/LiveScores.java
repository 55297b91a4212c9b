package dev.scoreline.engine;

import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.internal.live.LiveEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scores that follow the data as it changes. {@link #apply} takes one change (an event appended,
 * a record changed, an association or list membership added or removed) and re-scores exactly
 * the records it affects; {@link #advanceTo} moves the clock and re-scores only the records whose
 * decay step or timeframe boundary has come. Both return the updates: only what changed.
 *
 * <p>Not thread-safe: one writer at a time (a change feed is one sequence).
 */
public final class LiveScores {

    private final LiveEngine engine;

    LiveScores(LiveEngine engine) {
        this.engine = engine;
    }

    public synchronized List<ScoreUpdate> apply(DataChange change, Instant at) {
        return engine.apply(change, at.toEpochMilli());
    }

    /**
     * Replaces the manual adjustments (all of them, as the store keeps them) at {@code at} and
     * re-scores the records whose adjustments changed, and those reading their scores; an
     * adjustment's expiry is a next change like a decay step.
     */
    public synchronized List<ScoreUpdate> adjust(java.util.Collection<dev.scoreline.api.Adjustment> adjustments,
                                                 Instant at) {
        return engine.adjust(adjustments, at.toEpochMilli());
    }

    public synchronized List<ScoreUpdate> advanceTo(Instant at) {
        return engine.advanceTo(at.toEpochMilli());
    }

    /** When some value can next change with no new data: re-score then with {@link #advanceTo}. */
    public synchronized Optional<Instant> nextChange() {
        return Optional.ofNullable(engine.nextChange());
    }

    public synchronized Optional<ScoreResult> result(String score, RecordKey record) {
        return Optional.ofNullable(engine.result(score, record));
    }

    /** Every current result, unordered. */
    public synchronized List<ScoreResult> results() {
        return engine.results();
    }

    /** How many records are followed: those read at the start, plus those added, less those removed. */
    public synchronized long records() {
        return engine.records();
    }

    public synchronized Instant now() {
        return Instant.ofEpochMilli(engine.now());
    }
}
