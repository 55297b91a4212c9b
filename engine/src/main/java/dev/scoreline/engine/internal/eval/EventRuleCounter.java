package dev.scoreline.engine.internal.eval;

import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.RuleKind;
import dev.scoreline.engine.internal.compile.TimeRange;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.data.EventSpan;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import dev.scoreline.engine.internal.match.HitSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts what a record's events give a set of event rules — a score's rules on the record itself,
 * or its rules on associated records — in one walk over the events.
 *
 * <p>Between two instants where a timeframe starts or ends or a group's decay takes a step, all
 * events of one shape match alike and decay alike. So the time before NOW is cut into such
 * segments, and per (segment, event shape) the counters an event bumps are worked out once, from
 * the matches Drools decided for that shape ({@link DroolsShapeMatcher}). An event then costs a segment
 * check, an array read and one increment per rule it counts for; the decimal arithmetic follows
 * once per counter ({@code Evaluator}).
 *
 * <p>Counters, per rule from its {@link ProgramRule#counter}: for a rule adding points per event,
 * one per (listed value, decay step), {@code value * steps + step}; for a frequency rule two, the
 * number of matching events and the newest one's instant (valid when the number is not zero).
 */
public final class EventRuleCounter {

    /** The rules one walk counts and how many counters they take together. */
    public static final class Layout {
        final ProgramRule[] rules;
        final ProgramGroup[] groups;
        final int width;
        /** Whether some rule has a cap or a since bound (then {@link CapsAndBounds} filters its events). */
        final boolean limited;
        /** Per counter, the index of its rule in {@link #rules}. */
        final int[] ruleOfCounter;
        /** Whether some rule has a since bound: its counts then depend on the scored record. */
        public final boolean readsSince;

        /** Lays out the rules' counters one after the other, setting each rule's {@code counter}. */
        public Layout(List<ProgramRule> rules, List<ProgramGroup> groups) {
            this.rules = rules.toArray(ProgramRule[]::new);
            this.groups = groups.toArray(ProgramGroup[]::new);
            int next = 0;
            for (int i = 0; i < this.rules.length; i++) {
                ProgramRule r = this.rules[i];
                r.counter = next;
                next += counters(r, this.groups[i]);
                if (!r.countsMatches()) {
                    units(r, this.groups[i]);
                }
            }
            this.width = next;
            this.ruleOfCounter = new int[next];
            boolean limited = false;
            boolean since = false;
            for (int i = 0; i < this.rules.length; i++) {
                ProgramRule r = this.rules[i];
                java.util.Arrays.fill(ruleOfCounter, r.counter, r.counter + counters(r, this.groups[i]), i);
                limited |= r.cap() != null || r.since() != null;
                since |= r.since() != null;
            }
            this.limited = limited;
            this.readsSince = since;
        }

        /** Sets the rule's {@link ProgramRule#units}: points x factor per counter, scaled to whole numbers. */
        private static void units(ProgramRule r, ProgramGroup g) {
            int steps = g.factors.length;
            BigDecimal[] values = new BigDecimal[r.points.length * steps];
            int scale = 0;
            for (int k = 0; k < values.length; k++) {
                values[k] = r.points[k / steps].multiply(g.factors[k % steps]);
                scale = Math.max(scale, values[k].scale());
            }
            if (scale > 9) {
                return; // exact decimals then
            }
            long[] units = new long[values.length];
            for (int k = 0; k < values.length; k++) {
                BigInteger u = values[k].setScale(scale).unscaledValue();
                if (u.bitLength() > 62) {
                    return;
                }
                units[k] = u.longValue();
            }
            r.units = units;
            r.unitScale = scale;
        }

        static int counters(ProgramRule r, ProgramGroup g) {
            return r.countsMatches() ? 2 : r.points.length * g.factors.length;
        }
    }

    /** Told of each event counted, for explanations: the counter it bumped, the event, its instant. */
    interface Listener {
        void counted(int counter, int event, long at);

        /** An event a cap left out, or (when it was counted first) took back for one with more points. */
        default void dropped(int counter, int event, long at) { }
    }

    private static final int[] NONE = new int[0];

    private final Layout layout;
    private final DroolsShapeMatcher matcher;
    /** Per scoring thread: the segments of the current NOW and what each (segment, shape) adds. */
    private final ThreadLocal<Segments> local = new ThreadLocal<>();

    EventRuleCounter(Layout layout, DroolsShapeMatcher matcher) {
        this.layout = layout;
        this.matcher = matcher;
    }

    /**
     * Adds the counts of the record's events (those after NOW are ignored) to {@code counts}, which
     * is {@link Layout#width} long; returns whether any event counted. Events not matched yet are
     * matched first, with those of {@code together} (null: the record alone) in one session.
     */
    boolean count(DataView data, int rec, DroolsShapeMatcher.Batch together, long[] counts, Listener listener) {
        return count(data, rec, together, counts, listener, null);
    }

    /**
     * The same, with each rule's {@code since} bound ({@code sinceBounds}, by rule of the layout;
     * null when none has one) and cap applied: only layouts with such rules pay for them.
     */
    boolean count(DataView data, int rec, DroolsShapeMatcher.Batch together, long[] counts, Listener listener,
                  long[] sinceBounds) {
        CapsAndBounds limits = layout.limited ? new CapsAndBounds(layout, sinceBounds) : null;
        Segments s = segments();
        EventSpan span = s.span;
        data.events(rec, span);
        long[] instants = span.at;
        int[] shapes = span.shape;
        int first = span.from;
        boolean any = false;
        int seg = -1;
        long from = 0;
        long to = -1; // an empty range: the first event finds its segment
        int[][] row = null;
        for (int e = first; e < span.to; e++) {
            long at = instants[e];
            if (at < from || at >= to) {
                if (seg >= 0 && at >= to) {
                    // Events come oldest first from a loaded population: the next segments, in turn.
                    do {
                        seg++;
                    } while (seg < s.bounds.length && at >= s.bounds[seg]);
                } else {
                    seg = s.segmentOf(at);
                }
                from = seg == 0 ? Long.MIN_VALUE : s.bounds[seg - 1];
                to = seg == s.bounds.length ? Long.MAX_VALUE : s.bounds[seg];
                row = s.adds[seg];
            }
            if (seg >= s.afterNow) {
                continue;
            }
            int shape = shapes[e];
            int[] adds = shape < row.length ? row[shape] : null;
            if (adds == null) {
                adds = s.addsOf(seg, shape, rec, together);
                row = s.adds[seg];
            }
            for (int c : adds) {
                if (limits != null && !limits.admit(c, at, e - first, counts, listener)) {
                    continue; // before its since bound, or over its cap
                }
                if (c >= 0) {
                    counts[c]++;
                } else {
                    int f = ~c;
                    if (counts[f]++ == 0 || at > counts[f + 1]) {
                        counts[f + 1] = at;
                    }
                    c = f;
                }
                if (listener != null) {
                    listener.counted(c, e - first, at);
                }
                any = true;
            }
        }
        return any;
    }

    private Segments segments() {
        Segments s = local.get();
        long generation = matcher.generation();
        if (s == null || s.generation != generation) {
            s = new Segments(generation, matcher.now());
            local.set(s);
        }
        return s;
    }

    /** The timeline of one NOW, cut where any timeframe or any of the layout's decays changes. */
    private final class Segments {
        final long generation;
        final long now;
        /** Ascending; segment i is [bounds[i-1], bounds[i]), the first and last open-ended. */
        final long[] bounds;
        /** The first segment after NOW (its events are ignored). */
        final int afterNow;
        /** Per segment, per event shape: the counters an event adds to (~c for a frequency's), or null. */
        final int[][][] adds;
        /** This thread's view of the record being walked. */
        final EventSpan span = new EventSpan();

        Segments(long generation, long now) {
            this.generation = generation;
            this.now = now;
            TreeSet<Long> cuts = new TreeSet<>();
            cuts.add(now + 1);
            for (TimeRange r : matcher.ranges()) {
                if (r.from() != Long.MIN_VALUE) {
                    cuts.add(r.from());
                }
                if (r.to() != Long.MAX_VALUE) {
                    cuts.add(r.to() + 1);
                }
            }
            for (ProgramGroup g : layout.groups) {
                if (g.decay != null) {
                    long interval = DecayMath.interval(g.decay);
                    for (int step = 1; step < g.factors.length; step++) {
                        cuts.add(now - step * interval + 1); // older than this: at least `step` steps
                    }
                }
            }
            cuts.removeIf(c -> c > now + 1); // after NOW nothing counts, one segment will do
            bounds = cuts.stream().mapToLong(Long::longValue).toArray();
            afterNow = bounds.length;
            adds = new int[bounds.length + 1][][];
            Arrays.fill(adds, new int[0][]);
        }

        int segmentOf(long at) {
            int i = Arrays.binarySearch(bounds, at);
            return i >= 0 ? i + 1 : -i - 1;
        }

        /** Works out what an event of this shape in this segment adds, from its Drools matches. */
        int[] addsOf(int seg, int shape, int rec, DroolsShapeMatcher.Batch together) {
            long at = seg == 0 ? bounds[0] - 1 : bounds[seg - 1]; // any instant of the segment will do
            long[] hits = matcher.eventMatches(shape, at, rec, together);
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < layout.rules.length; i++) {
                ProgramRule r = layout.rules[i];
                ProgramGroup g = layout.groups[i];
                if (r.countsMatches()) {
                    if (HitSet.has(hits, r.matcher)) {
                        list.add(~r.counter);
                    }
                    continue;
                }
                for (int v = 0; v < r.points.length; v++) {
                    if (HitSet.has(hits, r.matcher + v)) { // the first listed value the event holds
                        int steps = g.factors.length;
                        int step = g.stepAt(now - at);
                        list.add(r.counter + v * steps + step);
                        break;
                    }
                }
            }
            int[] result = list.isEmpty() ? NONE : list.stream().mapToInt(Integer::intValue).toArray();
            int[][] row = adds[seg];
            if (shape >= row.length) {
                row = Arrays.copyOf(row, Math.max(shape + 1, Math.max(16, row.length * 2)));
                adds[seg] = row;
            }
            row[shape] = result;
            return result;
        }
    }
}
