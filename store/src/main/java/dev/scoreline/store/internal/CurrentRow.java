package dev.scoreline.store.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A record's current value as the store holds it: the value (as people read it), its status, the
 * last run that saw it, and the instant it can next change with time alone (null: never).
 */
public record CurrentRow(BigDecimal value, String status, String seenRun, Instant nextChange) {

    /** Whether the record already holds this value and status. */
    public boolean holds(BigDecimal otherValue, String otherStatus) {
        return value.compareTo(otherValue) == 0 && status.equals(otherStatus);
    }
}
