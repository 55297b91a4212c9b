package dev.scoreline.engine.internal.eval;

import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataView;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Live scoring only: per record and score, what its events give the score's rules that read
 * them through an association (its {@link EventRuleCounter} counts), valid from the NOW it was
 * computed at until the record's next change with time ({@link NextChange}) or a change to its
 * data ({@link #forget}). An event on one contact then re-reads that contact's events, not those
 * of every contact of its companies. Single-threaded.
 */
final class NeighbourPartials {

    private static final long[] NOTHING = new long[0];

    private Partials[] byRecord = new Partials[1024];
    private final Map<EventRuleCounter.Layout, Integer> slots = new java.util.IdentityHashMap<>();
    private final NextChange nextChange;

    private static final class Partials {
        final long from;
        final long until;
        final long[][] bySlot;

        Partials(long from, long until, int slots) {
            this.from = from;
            this.until = until;
            this.bySlot = new long[slots][];
        }
    }

    NeighbourPartials(CompiledRuleBase program) {
        for (ProgramScore s : program.scores) {
            if (s.associatedEvents.width > 0) {
                slots.put(s.associatedEvents, slots.size());
            }
        }
        this.nextChange = new NextChange(program);
    }

    void forget(int rec) {
        if (rec < byRecord.length) {
            byRecord[rec] = null;
        }
    }

    /** The kept counts of the record for the layout, counted by {@code tally} when not kept. */
    long[] of(EventRuleCounter.Layout layout, int rec, long now, DataView data, Supplier<long[]> tally) {
        Integer slot = slots.get(layout);
        if (slot == null) {
            return tally.get();
        }
        Partials p = partialsOf(rec, now, data);
        long[] c = p.bySlot[slot];
        if (c == null) {
            c = tally.get();
            p.bySlot[slot] = c == null ? NOTHING : c;
        }
        return c == NOTHING ? null : c;
    }

    long until(int rec, long now, DataView data) {
        return partialsOf(rec, now, data).until;
    }

    /** The record's partials valid at NOW, new (empty) when the kept ones no longer hold. */
    private Partials partialsOf(int rec, long now, DataView data) {
        if (rec >= byRecord.length) {
            byRecord = java.util.Arrays.copyOf(byRecord, Math.max(rec + 1, byRecord.length * 2));
        }
        Partials p = byRecord[rec];
        if (p == null || p.from > now || now >= p.until) {
            p = new Partials(now, nextChange.ownNext(data, rec, now), slots.size());
            byRecord[rec] = p;
        }
        return p;
    }
}
