package dev.scoreline.engine.internal.eval;

import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.DataView;

/**
 * {@code since PROP} bounds (language.md section 11): the earliest readable instant of the scored
 * record's PROP (a date at its 00:00 UTC); no bound when PROP is unknown or reads as no instant.
 */
final class SinceBounds {

    /** No lower bound. */
    static final long NONE = Long.MIN_VALUE;

    private SinceBounds() { }

    /** Per rule of the layout, the bound of its since property on {@code scored} ({@link #NONE} for none). */
    static long[] of(DataView data, EventRuleCounter.Layout layout, int scored) {
        long[] bounds = new long[layout.rules.length];
        for (int i = 0; i < bounds.length; i++) {
            String since = layout.rules[i].since();
            bounds[i] = since == null ? NONE : bound(data, scored, since);
        }
        return bounds;
    }

    static long bound(DataView data, int rec, String property) {
        DataValue v = data.shapes().recordShape(data.recordShape(rec)).values().get(property);
        long bound = NONE;
        if (v != null) {
            for (DataValue.Atom a : v.atoms()) {
                if (a.hasInstant() && (bound == NONE || a.instant() < bound)) {
                    bound = a.instant();
                }
            }
        }
        return bound;
    }

    /** The rule's bound on the scored record, for explanations. */
    static String describe(DataView data, int scored, ProgramRule r) {
        long b = bound(data, scored, r.since());
        return b == NONE ? "since " + r.since() + ": unknown or not a date, so no lower bound"
                : "since " + r.since() + " = " + java.time.Instant.ofEpochMilli(b) + ": earlier events do not count";
    }
}
