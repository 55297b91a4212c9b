package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;

/**
 * One walk's filter of the events Drools matched, for rules with a {@code since} bound or a cap
 * (language.md sections 6 and 11): an event before the scored record's bound does not count; of
 * one record's matching events only the {@code K} oldest in each UTC period count. Events come
 * oldest first (ties by shape), so each rule's period is entered in turn; among events at the same
 * instant, one with more points takes the place of one with fewer that was counted first.
 *
 * <p>Drools has decided every match; this only decides which of the matches count, which depends
 * on the other events of the record and on the scored record's bound, neither of which is part of
 * an event's shape.
 */
final class CapsAndBounds {

    private final EventRuleCounter.Layout layout;
    private final long[] sinceBounds;
    /** Per rule: its current period, how many counted in it, the instant and counters of the last ones. */
    private final long[] period;
    private final int[] counted;
    private final long[] lastAt;
    private final int[][] atLast;
    private final int[][] eventsAtLast;
    private final int[] atLastCount;

    CapsAndBounds(EventRuleCounter.Layout layout, long[] sinceBounds) {
        this.layout = layout;
        this.sinceBounds = sinceBounds;
        int n = layout.rules.length;
        this.period = new long[n];
        java.util.Arrays.fill(period, Long.MIN_VALUE);
        this.counted = new int[n];
        this.lastAt = new long[n];
        this.atLast = new int[n][];
        this.eventsAtLast = new int[n][];
        this.atLastCount = new int[n];
    }

    /**
     * Whether the event at {@code at} counts for counter {@code c} (as the walk encodes it: ~c for
     * a frequency's). When it takes the place of an event counted before, that one's count is taken
     * back from {@code counts} here.
     */
    boolean admit(int c, long at, int event, long[] counts, EventRuleCounter.Listener listener) {
        int counter = c >= 0 ? c : ~c;
        int i = layout.ruleOfCounter[counter];
        ProgramRule r = layout.rules[i];
        if (sinceBounds != null && at < sinceBounds[i]) {
            return false;
        }
        EventCap cap = r.cap();
        if (cap == null) {
            return true;
        }
        long p = CapPeriods.periodOf(cap.period(), at);
        if (p != period[i]) {
            period[i] = p;
            counted[i] = 0;
            atLastCount[i] = 0;
        }
        if (at != lastAt[i]) {
            lastAt[i] = at;
            atLastCount[i] = 0;
        }
        if (counted[i] < cap.count()) {
            counted[i]++;
            remember(i, counter, event);
            return true;
        }
        int weakest = weakestAtLast(i, r, counter);
        if (weakest < 0) {
            if (listener != null) {
                listener.dropped(counter, event, at);
            }
            return false;
        }
        // Same instant, more points: this event counts in place of the weakest one counted there.
        int taken = atLast[i][weakest];
        counts[taken]--;
        if (listener != null) {
            listener.dropped(taken, eventsAtLast[i][weakest], at);
        }
        atLast[i][weakest] = counter;
        eventsAtLast[i][weakest] = event;
        return true;
    }

    private void remember(int i, int counter, int event) {
        if (atLast[i] == null) {
            atLast[i] = new int[4];
            eventsAtLast[i] = new int[4];
        } else if (atLastCount[i] == atLast[i].length) {
            atLast[i] = java.util.Arrays.copyOf(atLast[i], atLast[i].length * 2);
            eventsAtLast[i] = java.util.Arrays.copyOf(eventsAtLast[i], eventsAtLast[i].length * 2);
        }
        atLast[i][atLastCount[i]] = counter;
        eventsAtLast[i][atLastCount[i]] = event;
        atLastCount[i]++;
    }

    /** The position (among those counted at the current instant) of one with fewer points than {@code counter}, or -1. */
    private int weakestAtLast(int i, ProgramRule r, int counter) {
        int best = -1;
        java.math.BigDecimal lowest = points(r, counter, i);
        for (int k = 0; k < atLastCount[i]; k++) {
            java.math.BigDecimal v = points(r, atLast[i][k], i);
            if (v.compareTo(lowest) < 0) {
                lowest = v;
                best = k;
            }
        }
        return best;
    }

    /** The points of the listed value behind a counter ({@code value * steps + step}). */
    private java.math.BigDecimal points(ProgramRule r, int counter, int i) {
        int steps = layout.groups[i].factors.length;
        return r.points[(counter - r.counter) / steps];
    }
}
