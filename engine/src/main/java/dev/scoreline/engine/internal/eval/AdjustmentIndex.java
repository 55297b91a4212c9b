package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.RecordKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The manual adjustments of a run or of live scores, by record: what {@link Evaluator} adds to a
 * total before its clamp, and the expiries {@link NextChange} counts as next-change instants.
 * Immutable; live scores swap in a new one.
 */
public final class AdjustmentIndex {

    public static final AdjustmentIndex NONE = new AdjustmentIndex(List.of());

    private final Map<RecordKey, List<Adjustment>> byRecord = new HashMap<>();

    public AdjustmentIndex(Collection<Adjustment> adjustments) {
        for (Adjustment a : adjustments) {
            byRecord.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(a);
        }
    }

    public boolean isEmpty() {
        return byRecord.isEmpty();
    }

    /** Every adjustment of the record, of any score, active or not (empty when none). */
    public List<Adjustment> of(RecordKey record) {
        return byRecord.getOrDefault(record, List.of());
    }

    /** Every adjustment held. */
    public List<Adjustment> all() {
        List<Adjustment> all = new ArrayList<>();
        byRecord.values().forEach(all::addAll);
        return all;
    }

    /** The adjustments of the score on the record that count at {@code now}, in id order. */
    List<Adjustment> active(String score, RecordKey record, long now) {
        List<Adjustment> all = byRecord.get(record);
        if (all == null) {
            return List.of();
        }
        List<Adjustment> active = new ArrayList<>();
        for (Adjustment a : all) {
            if (a.score().equals(score) && a.activeAt(now)) {
                active.add(a);
            }
        }
        active.sort(java.util.Comparator.comparingLong(Adjustment::id));
        return active;
    }

    static BigDecimal sum(List<Adjustment> adjustments) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Adjustment a : adjustments) {
            sum = sum.add(a.points());
        }
        return sum;
    }

    /** The first expiry after {@code now} of the record's adjustments (a value moves then), or {@link NextChange#NEVER}. */
    long nextExpiry(RecordKey record, long now) {
        long next = NextChange.NEVER;
        for (Adjustment a : byRecord.getOrDefault(record, List.of())) {
            if (a.until() != null && a.until().toEpochMilli() > now) {
                next = Math.min(next, a.until().toEpochMilli());
            }
        }
        return next;
    }
}
