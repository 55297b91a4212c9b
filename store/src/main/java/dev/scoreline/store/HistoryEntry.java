package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreUpdate;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a record's value or status for one score. {@code oldValue}/{@code oldStatus} are
 * {@code null} when the record had no value (it entered the scope, or the score is new);
 * {@code newValue}/{@code newStatus} are {@code null} when it left the scope.
 *
 * @param at     the time the run scored at (its NOW)
 * @param runId  the run that made the change
 * @param cause  why: the rules and the events or property changes behind the new value
 */
public record HistoryEntry(String score, RecordKey record, Instant at, String runId,
                           BigDecimal oldValue, String oldStatus, BigDecimal newValue, String newStatus,
                           String cause) {

    public boolean removed() {
        return newStatus == null;
    }

    public boolean added() {
        return oldStatus == null;
    }

    /**
     * A removal as what a sink receives: the {@linkplain ScoreUpdate#leftScope left-scope update}
     * with the previous value and status, in the properties derived from the score's name (the
     * store does not keep a score's property names; {@code Delivery} puts the running score's).
     */
    public ScoreUpdate leftScope() {
        return ScoreUpdate.leftScope(score, record, null, oldValue, oldStatus, at, cause);
    }
}
