package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.TimeRange;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.DataView;
import java.util.Map;
import java.util.Set;

/**
 * When a record's values can next change with time alone: an event becoming visible, the next
 * decay step, an event leaving an {@code in the last} timeframe, a date entering or leaving an
 * {@code is in the last} window. For a type whose scores read associations, the associated
 * records' instants count too. Scope never moves with time (it reads lists only), so a record out
 * of scope needs no instant.
 *
 * <p>One computation serves live updates (which re-score a record when its instant comes) and
 * runs with a store (which keep the instant per record, so the next run re-scores only what fell
 * due). The instant is per record, the earliest over the program's time dependence: it may come
 * before a given score actually moves, never after.
 */
public final class NextChange {

    /** No instant: the record's values never change with time alone. */
    public static final long NEVER = Long.MAX_VALUE;

    private final CompiledRuleBase program;
    /** Whose expiries also move values; swapped by live scores when the adjustments change. */
    private volatile AdjustmentIndex adjustments = AdjustmentIndex.NONE;

    public NextChange(CompiledRuleBase program) {
        this.program = program;
    }

    /** The manual adjustments whose expiries count as next changes (default none). */
    public void use(AdjustmentIndex adjustments) {
        this.adjustments = adjustments;
    }

    /** The earliest instant after {@code now} at which the record's values can change, or {@link #NEVER}. */
    public long of(DataView data, int rec, long now) {
        return of(data, rec, now, other -> ownNext(data, other, now));
    }

    /**
     * The same, with the associated records' own instants from {@code ownNext} (live scoring
     * remembers them); adjustments' expiries are added here, never kept with the data's.
     */
    public long of(DataView data, int rec, long now, java.util.function.IntToLongFunction ownNext) {
        // An adjustment's expiry moves the record's value, and that of every record reading its score.
        AdjustmentIndex adjusted = adjustments;
        java.util.function.IntToLongFunction neighbourNext = adjusted.isEmpty() ? ownNext
                : other -> Math.min(ownNext.applyAsLong(other), adjusted.nextExpiry(data.key(other), now));
        long next = Math.min(ownNext(data, rec, now), adjusted.nextExpiry(data.key(rec), now));
        if (program.associationHops <= 1) {
            if (program.typesReadingAssociations.contains(data.shapes().recordShape(data.recordShape(rec)).type())) {
                for (int i = 0; i < data.assocCount(rec); i++) {
                    next = Math.min(next, neighbourNext.applyAsLong(data.assocOther(rec, i)));
                }
            }
            return next;
        }
        // Up to associationHops away, through records whose scores read associations: a deal's
        // score reading its company's health moves when a contact of the company decays.
        int[] frontier = {rec};
        java.util.Set<Integer> seen = new java.util.HashSet<>(java.util.List.of(rec));
        for (int hop = 0; hop < program.associationHops && frontier.length > 0; hop++) {
            IntList further = new IntList();
            for (int r : frontier) {
                if (!program.typesReadingAssociations.contains(data.shapes().recordShape(data.recordShape(r)).type())) {
                    continue;
                }
                for (int i = 0; i < data.assocCount(r); i++) {
                    int other = data.assocOther(r, i);
                    if (seen.add(other)) {
                        next = Math.min(next, neighbourNext.applyAsLong(other));
                        further.add(other);
                    }
                }
            }
            frontier = further.toArray();
        }
        return next;
    }

    /** A growing list of ints. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** The same for the record's own data alone, associations left out. */
    public long ownNext(DataView data, int rec, long now) {
        long next = NEVER;
        CompiledRuleBase.TimeDependence time = program.time;
        for (int e = 0; e < data.eventCount(rec); e++) {
            long at = data.eventAt(rec, e);
            if (at > now) {
                next = Math.min(next, at); // becomes visible
                continue;
            }
            for (Decay d : time.decays()) {
                long steps = DecayMath.steps(d, now - at);
                if (steps < DecayMath.stepsToZero(d)) {
                    next = Math.min(next, at + (steps + 1) * 30L * d.everyMonths() * TimeRange.DAY_MS);
                }
            }
            for (Timeframe t : program.timeframes) {
                if (t instanceof Timeframe.InTheLast l) {
                    long leaves = at + (long) l.amount() * l.unit().days() * TimeRange.DAY_MS + 1;
                    if (leaves > now) {
                        next = Math.min(next, leaves);
                    }
                }
            }
            next = Math.min(next, windowChange(data.shapes().eventShape(data.eventShape(rec, e)).values(),
                    time.eventWindows(), now));
        }
        return Math.min(next, windowChange(data.shapes().recordShape(data.recordShape(rec)).values(),
                time.recordWindows(), now));
    }

    /** For {@code is in the last} predicates: when a date value enters or leaves a window. */
    private static long windowChange(Map<String, DataValue> values, Map<String, Set<Long>> windows, long now) {
        long next = NEVER;
        for (Map.Entry<String, Set<Long>> w : windows.entrySet()) {
            DataValue v = values.get(w.getKey());
            if (v == null) {
                continue;
            }
            for (DataValue.Atom a : v.atoms()) {
                if (!a.hasInstant()) {
                    continue;
                }
                long t = a.instant();
                if (t > now) {
                    next = Math.min(next, t);
                }
                for (long window : w.getValue()) {
                    if (t + window + 1 > now) {
                        next = Math.min(next, t + window + 1);
                    }
                }
            }
        }
        return next;
    }
}
