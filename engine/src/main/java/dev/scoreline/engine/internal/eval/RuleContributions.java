package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.RuleKind;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.match.HitSet;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * What each rule adds to its group (language.md sections 6, 7 and 7a), from the matches Drools
 * decided and the counters {@link EventRuleCounter} counted: decay, aggregation, sliding scales,
 * counts of associated records and the values of other scores. The rule's own limit is applied by
 * {@link Evaluator}.
 */
final class RuleContributions {

    private final Evaluator evaluator;
    private final DataView data;

    RuleContributions(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.data = evaluator.data;
    }

    /** What one rule adds to its group for the record. */
    BigDecimal of(ProgramRule r, int rec, long[] rh, ProgramGroup g, ReadCache read, Trace trace) {
        return r.assocMatcher < 0 ? own(r, rec, rh, g, read, trace) : associated(r, g, read, trace);
    }

    /** A rule on the record itself: its matches, or its own events' counters. */
    private BigDecimal own(ProgramRule r, int rec, long[] rh, ProgramGroup g, ReadCache read, Trace trace) {
        if (!ownerHolds(r, rh, rec, null, trace)) {
            return BigDecimal.ZERO;
        }
        return switch (r.kind) {
            case PROPERTY -> {
                boolean hit = HitSet.has(rh, r.matcher);
                trace.propertyRule(r, hit, rec);
                yield hit ? r.points[0] : BigDecimal.ZERO;
            }
            case PROPERTY_POINTS -> propertyPoints(r, rec, rh, trace);
            case EVENT, EVENT_POINTS -> {
                long[] own = read.own();
                explainSince(r, rec, trace);
                trace.ownEvents(this, r, g, rec, read);
                yield own == null ? BigDecimal.ZERO : eventPoints(r, g, own);
            }
            case FREQUENCY -> {
                long[] own = read.own();
                long n = own == null ? 0 : own[r.counter];
                explainSince(r, rec, trace);
                yield frequency(r, n, n == 0 ? Long.MIN_VALUE : own[r.counter + 1], g, trace);
            }
            case VALUE -> {
                BigDecimal v = operand(r, rec, rh, trace, null);
                yield v == null ? BigDecimal.ZERO : v.multiply(r.points[0]);
            }
            case COUNT -> throw new IllegalStateException("a count rule always reads associations");
        };
    }

    private BigDecimal propertyPoints(ProgramRule r, int rec, long[] rh, Trace trace) {
        BigDecimal total = BigDecimal.ZERO;
        boolean held = false;
        for (int i = 0; i < r.points.length; i++) {
            if (HitSet.has(rh, r.matcher + i)) {
                total = total.add(r.points[i]);
                held = true;
                trace.listedValue(r, i);
            }
        }
        if (!held) {
            trace.noListedValue(r, data, rec);
        }
        return total;
    }

    /**
     * What a sliding scale reads on a record: its property as a number (the sum of a multi-valued
     * one's numbers; Drools decided that it reads as one) or the referenced score's value; null
     * when there is none. {@code via} names the record when it is an associated one.
     */
    private BigDecimal operand(ProgramRule r, int rec, long[] hits, Trace trace, RecordKey via) {
        String prefix = via == null ? "" : via + ": ";
        if (r.valueProperty() != null) {
            if (!HitSet.has(hits, r.matcher)) {
                trace.detail(() -> prefix + "no: " + r.valueProperty() + " is unknown or not a number ("
                        + Texts.values(data, rec, r) + ")");
                return null;
            }
            DataValue v = data.shapes().recordShape(data.recordShape(rec)).values().get(r.valueProperty());
            BigDecimal sum = BigDecimal.ZERO;
            for (DataValue.Atom a : v.atoms()) {
                sum = a.number() == null ? sum : sum.add(a.number());
            }
            BigDecimal value = sum;
            trace.held();
            trace.detail(() -> prefix + r.valueProperty() + " = " + value.toPlainString());
            return value;
        }
        ScoreResult ref = evaluator.references.result(r.referencedScore(), rec);
        String name = evaluator.references.name(r.referencedScore());
        if (ref == null) {
            trace.detail(() -> prefix + "no: score \"" + name + "\" has no value (out of its scope)");
            return null;
        }
        trace.held();
        trace.detail(() -> prefix + "score \"" + name + "\" = " + ref.value().toPlainString());
        trace.explain(() -> evaluator.explainReference(r.referencedScore(), rec, trace));
        return ref.value();
    }

    /**
     * A rule on associated records: the association filter picks them ({@link #linked}), then the
     * rule reads each, counted first and added once per (listed value, decay step).
     */
    private BigDecimal associated(ProgramRule r, ProgramGroup g, ReadCache read, Trace trace) {
        int[] linked = linked(r, read, trace);
        if (r.kind == RuleKind.FREQUENCY) {
            long events = 0;
            long newest = Long.MIN_VALUE;
            for (int a : linked) {
                long[] c = read.countsOfNeighbour(a);
                if (c != null && c[r.counter] > 0) {
                    events += c[r.counter];
                    newest = Math.max(newest, c[r.counter + 1]);
                }
            }
            explainSince(r, read.scored, trace);
            return frequency(r, events, newest, g, trace);
        }
        if (r.kind == RuleKind.COUNT) {
            return count(r, linked, read, trace);
        }
        Aggregation agg = new Aggregation();
        if (r.kind == RuleKind.VALUE) {
            return values(r, linked, read, agg, trace);
        }
        // Records count at step 0 (no decay); a record holding more than one listed value adds
        // their sum on its own.
        long[] counts = new long[EventRuleCounter.Layout.counters(r, g)];
        boolean any = false;
        if (r.readsEvents()) {
            explainSince(r, read.scored, trace);
        }
        for (int a : linked) {
            if (r.readsEvents()) {
                any |= addNeighbourCounts(r, g, read, a, counts, trace);
            } else {
                any |= countNeighbour(r, g, read, a, counts, agg, trace);
            }
        }
        addCounts(r, g, any ? counts : null, 0, agg);
        BigDecimal result = agg.result(r.aggregate);
        aggregated(r, linked, agg, result, r.readsEvents() ? "events" : "records", trace);
        return result;
    }

    private static void aggregated(ProgramRule r, int[] linked, Aggregation agg, BigDecimal result, String what,
                                   Trace trace) {
        if (linked.length > 0) {
            trace.aggregated(r, agg.count, result, what);
        }
    }

    /**
     * A sliding scale on associated records: operand x |F| over the records whose operand reads as
     * a number, aggregated, then added or subtracted once (section 12: {@code subtract value of nps
     * on associated contact aggregate min} subtracts the lowest nps).
     */
    private BigDecimal values(ProgramRule r, int[] linked, ReadCache read, Aggregation agg, Trace trace) {
        BigDecimal factor = r.points[0].abs();
        for (int a : linked) {
            int other = read.other[a];
            long[] hits = r.valueProperty() == null ? null : read.recordHitsOfNeighbour(a);
            BigDecimal v = operand(r, other, hits, trace, trace.recording() ? data.key(other) : null);
            if (v != null) {
                agg.add(v.multiply(factor));
            }
        }
        BigDecimal result = agg.result(r.aggregate);
        aggregated(r, linked, agg, result, "records", trace);
        return r.points[0].signum() < 0 ? result.negate() : result;
    }

    /** A count rule: the associated records that pass its filter and, with an event, own a matching one. */
    private BigDecimal count(ProgramRule r, int[] linked, ReadCache read, Trace trace) {
        long n = 0;
        for (int a : linked) {
            long[] c = r.matcher < 0 ? null : read.countsOfNeighbour(a);
            boolean counted = r.matcher < 0 || c != null && c[r.counter] > 0;
            n += counted ? 1 : 0;
            RecordKey key = trace.recording() ? data.key(read.other[a]) : null;
            trace.detail(() -> key + (counted ? " counted" + (c == null ? "" : " (" + c[r.counter] + " matching event"
                    + (c[r.counter] == 1 ? ")" : "s)")) : " not counted: no matching event"));
        }
        explainSince(r, read.scored, trace);
        boolean holds = r.frequency.test(n);
        long records = n;
        if (holds) {
            trace.held();
        }
        trace.detail(() -> (holds ? "" : "no: ") + records + " associated " + r.assocType
                + (records == 1 ? " record" : " records") + (holds ? " satisfies" : " does not satisfy") + " the count");
        return holds ? r.points[0] : BigDecimal.ZERO;
    }

    private void explainSince(ProgramRule r, int scored, Trace trace) {
        if (r.since() != null) {
            trace.detail(() -> SinceBounds.describe(data, scored, r));
        }
    }

    /** The associations of the scored record that pass the rule's association filter (by key when explaining). */
    private int[] linked(ProgramRule r, ReadCache read, Trace trace) {
        read.neighbours();
        int[] linked = new int[read.other.length];
        int n = 0;
        for (int a = 0; a < linked.length; a++) {
            if (HitSet.has(read.assocHits[a], r.assocMatcher)
                    && (r.assocWhereMatcher() < 0 || HitSet.has(read.recordHitsOfNeighbour(a), r.assocWhereMatcher()))
                    && (r.ownerWhereMatcher() < 0 || ownerHolds(r, read.recordHitsOfNeighbour(a), read.other[a],
                            trace.recording() ? data.key(read.other[a]) : null, trace))) {
                linked[n++] = a;
            }
        }
        linked = java.util.Arrays.copyOf(linked, n);
        if (trace.recording()) {
            // Explanations list them by key; sums need no order.
            linked = java.util.Arrays.stream(linked).boxed()
                    .sorted(Comparator.comparing(a -> data.key(read.other[a]))).mapToInt(Integer::intValue).toArray();
            if (linked.length == 0) {
                trace.detail(() -> "no associated " + r.assocType + " passes the association filter");
            }
        }
        return linked;
    }

    /**
     * Whether the owner of the rule's events ({@code via}: an associated record, null for the
     * scored record) holds the terms of the event's {@code where} that test its scores: events
     * count only for an owner that does (language.md section 12).
     */
    private boolean ownerHolds(ProgramRule r, long[] ownerHits, int owner, RecordKey via, Trace trace) {
        if (r.ownerWhereMatcher() < 0 || HitSet.has(ownerHits, r.ownerWhereMatcher())) {
            return true;
        }
        String prefix = via == null ? "" : via + ": ";
        trace.detail(() -> prefix + "no event counts: the event's where tests the owner's scores ("
                + evaluator.references.scoresRead(r.ownerWhereGroup(), owner) + "), which do not hold");
        return false;
    }

    /** Adds an associated record's event counters for the rule to {@code counts}; whether any was not zero. */
    private boolean addNeighbourCounts(ProgramRule r, ProgramGroup g, ReadCache read, int a, long[] counts,
                                       Trace trace) {
        int other = read.other[a];
        trace.neighbourEvents(this, r, g, other, read);
        long[] c = read.countsOfNeighbour(a);
        if (c == null) {
            return false;
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] += c[r.counter + k];
        }
        return true;
    }

    /**
     * Counts an associated record for a property rule: at (listed value, step 0) when it holds one
     * value; a record holding several adds their sum to {@code agg} directly. Whether it counted.
     */
    private boolean countNeighbour(ProgramRule r, ProgramGroup g, ReadCache read, int a, long[] counts,
                                   Aggregation agg, Trace trace) {
        int other = read.other[a];
        int steps = g.factors.length;
        switch (r.kind) {
            case PROPERTY -> {
                boolean hit = HitSet.has(read.recordHitsOfNeighbour(a), r.matcher);
                if (hit) {
                    counts[0]++;
                }
                trace.neighbour(r, hit, null, data, other);
                return hit;
            }
            case PROPERTY_POINTS -> {
                long[] oh = read.recordHitsOfNeighbour(a);
                int only = -1;
                int held = 0;
                BigDecimal v = BigDecimal.ZERO;
                for (int i = 0; i < r.points.length; i++) {
                    if (HitSet.has(oh, r.matcher + i)) {
                        only = i;
                        held++;
                        v = v.add(r.points[i]);
                    }
                }
                if (held == 1) {
                    counts[only * steps]++;
                } else if (held > 1) {
                    agg.add(v);
                }
                trace.neighbour(r, held > 0, held == 0 ? null : v, data, other);
                return held == 1;
            }
            default -> throw new IllegalStateException("not a property rule: " + r.kind);
        }
    }

    /** Explains the record's own events for an event rule; returns how many counted. */
    int explainOwnEvents(ProgramRule r, ProgramGroup g, int rec, ReadCache read, Trace trace) {
        return explainEvents(read.score.ownEvents, r, g, rec, null, read.ownSinceBounds(), trace);
    }

    /** Explains an associated record's events for an event rule. */
    int explainNeighbourEvents(ProgramRule r, ProgramGroup g, int other, ReadCache read, Trace trace) {
        return explainEvents(read.score.associatedEvents, r, g, other, data.key(other), read.associatedSinceBounds(), trace);
    }

    /**
     * Explains, event by event, what the record's events give an event rule ({@code via}: the
     * association's record), and which events its cap left out; returns how many counted.
     */
    private int explainEvents(EventRuleCounter.Layout layout, ProgramRule r, ProgramGroup g, int rec, RecordKey via,
                              long[] sinceBounds, Trace trace) {
        if (r.countsMatches()) {
            return 0; // a frequency rule explains its count and newest event
        }
        EventLines lines = new EventLines(data, evaluator.now(), r, g, rec, via, trace.detailing());
        evaluator.tallyOf(layout).count(data, rec, null, new long[layout.width], lines, sinceBounds);
        lines.counted.values().forEach(line -> trace.detail(() -> line));
        lines.droppedText().ifPresent(text -> trace.detail(() -> text));
        return lines.counted.size();
    }

    /**
     * The points a rule adding per event gets from the record's own events: the sum of count x
     * points x factor over its counters, in long arithmetic ({@link ProgramRule#units}) unless a
     * value or the sum does not fit.
     */
    private static BigDecimal eventPoints(ProgramRule r, ProgramGroup g, long[] counts) {
        long[] units = r.units;
        if (units != null) {
            try {
                long sum = 0;
                for (int k = 0; k < units.length; k++) {
                    long n = counts[r.counter + k];
                    if (n != 0) {
                        sum = Math.addExact(sum, Math.multiplyExact(n, units[k]));
                    }
                }
                return sum == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(sum, r.unitScale);
            } catch (ArithmeticException tooLarge) {
                // exact decimals below
            }
        }
        Aggregation agg = new Aggregation();
        addCounts(r, g, counts, r.counter, agg);
        return agg.sum;
    }

    /**
     * Adds the decayed points of counted events: points x factor, once per (value, step), from
     * the rule's counters starting at {@code from}.
     */
    private static void addCounts(ProgramRule r, ProgramGroup g, long[] counts, int from, Aggregation agg) {
        if (counts == null) {
            return;
        }
        int steps = g.factors.length;
        int width = r.points.length * steps;
        for (int k = 0; k < width; k++) {
            long n = counts[from + k];
            if (n > 0) {
                BigDecimal factor = g.factors[k % steps];
                BigDecimal points = r.points[k / steps];
                agg.add(factor.signum() == 0 ? BigDecimal.ZERO : points.multiply(factor), n);
            }
        }
    }

    /** A frequency rule's result from its matching events' number and the newest one's instant. */
    private BigDecimal frequency(ProgramRule r, long n, long newest, ProgramGroup g, Trace trace) {
        boolean holds = r.frequency.test(n);
        long now = evaluator.now();
        BigDecimal factor = n == 0 ? BigDecimal.ONE : g.factors[g.stepAt(now - newest)];
        trace.frequency(r, holds, n, newest, now, g, factor);
        return holds ? r.points[0].multiply(factor) : BigDecimal.ZERO;
    }
}
