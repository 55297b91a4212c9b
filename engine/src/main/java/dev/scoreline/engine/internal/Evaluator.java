package dev.scoreline.engine.internal;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.engine.Explanation.GroupExplanation;
import dev.scoreline.engine.Explanation.RuleExplanation;
import dev.scoreline.engine.Explanation.ScoreExplanation;
import dev.scoreline.engine.internal.ScoreProgram.ProgramGroup;
import dev.scoreline.engine.internal.ScoreProgram.ProgramRule;
import dev.scoreline.engine.internal.ScoreProgram.ProgramScore;
import dev.scoreline.engine.internal.ScoreProgram.RuleKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic that follows the matches (language.md sections 6 to 9): rule contributions with
 * decay and aggregation, group clamps, totals, statuses, rounding. Drools has decided every match
 * (through {@link ShapeMatcher}); this class only adds up. With a trace it also explains.
 */
public final class Evaluator {

    private static final long DAY = TimeRange.DAY_MS;

    private final DataView data;
    private final ShapeMatcher matcher;
    private long now;
    private final Function<dev.scoreline.dsl.model.Rule, String> ruleText;

    public Evaluator(DataView data, ShapeMatcher matcher,
                     Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        this.data = data;
        this.matcher = matcher;
        this.now = matcher.now();
        this.ruleText = ruleText;
    }

    /** The score of a record, or null when the record is out of the score's scope. */
    ScoreResult score(ProgramScore s, int rec) {
        return evaluate(s, rec, null);
    }

    /** The explanation of a score for a record (of the score's type). */
    ScoreExplanation explain(ProgramScore s, int rec) {
        Trace trace = new Trace();
        evaluate(s, rec, trace);
        return trace.result;
    }

    /** Collects what an evaluation did, for {@code explain}. */
    private static final class Trace {
        List<RuleExplanation> rules = new ArrayList<>();
        List<GroupExplanation> groups = new ArrayList<>();
        List<String> details;
        ScoreExplanation result;
    }

    /** The matches of each event of a record, looked up once per evaluation (null: after NOW). */
    private long[][] eventHits(int rec) {
        return matcher.eventHits(data, rec);
    }

    /** Event matches of the records one evaluation reads, each looked up once. */
    private final class EventCache {
        private final int scored;
        private long[][] own;
        private java.util.HashMap<Integer, long[][]> others;

        EventCache(int scored) {
            this.scored = scored;
        }

        long[][] of(int rec) {
            if (rec == scored) {
                if (own == null) {
                    own = eventHits(rec);
                }
                return own;
            }
            if (others == null) {
                others = new java.util.HashMap<>();
            }
            return others.computeIfAbsent(rec, Evaluator.this::eventHits);
        }
    }

    private ScoreResult evaluate(ProgramScore s, int rec, Trace trace) {
        now = matcher.now();
        EventCache events = new EventCache(rec);
        long[] rh = matcher.record(data.recordShape(rec));
        String typeName = s.definition.type().keyword();
        if (s.scopeMatcher >= 0 && !HitSet.has(rh, s.scopeMatcher)) {
            if (trace != null) {
                trace.result = new ScoreExplanation(s.definition.name(), typeName, false, scopeText(s, false),
                        List.of(), null, null, null, null, null, null);
            }
            return null;
        }
        boolean combined = s.definition.type() == ScoreType.COMBINED;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal engagement = BigDecimal.ZERO;
        BigDecimal fit = BigDecimal.ZERO;
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        for (ProgramGroup g : s.groups) {
            BigDecimal groupSum = g.startAt;
            if (trace != null) {
                trace.rules = new ArrayList<>();
            }
            for (ProgramRule r : g.rules) {
                if (trace != null) {
                    trace.details = new ArrayList<>();
                }
                BigDecimal c = contribution(r, rec, rh, g, events, trace);
                groupSum = groupSum.add(c);
                if (trace != null) {
                    boolean matched = c.signum() != 0 || !trace.details.isEmpty() && !trace.details.get(0).startsWith("no ");
                    trace.rules.add(new RuleExplanation(ruleText.apply(r.rule), r.rule.position().line(),
                            matched, c, List.copyOf(trace.details)));
                }
            }
            BigDecimal value = groupSum;
            String clamp = null;
            if (g.limit != null) {
                value = clamp(groupSum, g.limit.negate(), g.limit);
                if (value.compareTo(groupSum) != 0) {
                    clamp = "clamped to " + plain(value) + " by limit " + plain(g.limit);
                }
            }
            rounded.put(g.group.name(), round(value));
            sum = sum.add(value);
            if (g.kind == GroupKind.FIT) {
                fit = fit.add(value);
            } else if (g.kind == GroupKind.ENGAGEMENT) {
                engagement = engagement.add(value);
            }
            if (trace != null) {
                trace.groups.add(new GroupExplanation(g.group.name(), g.kind == null ? null : g.kind.keyword(),
                        g.startAt, List.copyOf(trace.rules), groupSum, value, clamp));
            }
        }
        BigDecimal min = s.definition.minimum();
        BigDecimal total = clamp(sum, min, s.limit);
        BigDecimal value = round(total);
        String status;
        String reason;
        BigDecimal eng = null;
        BigDecimal ft = null;
        if (combined) {
            eng = round(engagement);
            ft = round(fit);
            status = letter(ft, s.fitLevels) + digit(eng, s.engagementLevels);
            reason = trace == null ? null : "fit " + plain(ft) + " gives " + letter(ft, s.fitLevels) + " (high from " + plain(s.fitLevels.high())
                    + ", medium from " + plain(s.fitLevels.medium()) + "); engagement " + plain(eng) + " gives "
                    + digit(eng, s.engagementLevels) + " (high from " + plain(s.engagementLevels.high())
                    + ", medium from " + plain(s.engagementLevels.medium()) + ")";
        } else {
            List<StatusThreshold> statuses = s.sortedStatuses;
            int chosen = 0;
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i).from().compareTo(value) <= 0) {
                    chosen = i;
                }
            }
            StatusThreshold t = statuses.get(chosen);
            status = t.label();
            boolean reached = chosen > 0 || (!s.statuses.isEmpty() && t.from().compareTo(value) <= 0);
            if (trace == null) {
                reason = null; // only explanations say why; building the text for every record costs
            } else if (reached) {
                reason = plain(value) + " is at least " + plain(t.from()) + ", where \"" + status + "\" starts";
            } else if (statuses.size() > 1) {
                StatusThreshold next = statuses.get(1);
                reason = plain(value) + " is below " + plain(next.from()) + ", where \"" + next.label()
                        + "\" starts, so the lowest status applies";
            } else {
                reason = "the only status";
            }
        }
        ScoreResult result = new ScoreResult(s.definition.name(), data.key(rec), value, status, rounded,
                eng, ft);
        if (trace != null) {
            String totalClamp = total.compareTo(sum) == 0 ? null
                    : "clamped to " + plain(total) + " by " + (sum.compareTo(total) > 0 ? "limit " : "minimum ")
                    + plain(total);
            trace.result = new ScoreExplanation(s.definition.name(), typeName, true, scopeText(s, true),
                    List.copyOf(trace.groups), sum, value, totalClamp, status, reason, result);
        }
        return result;
    }

    private static String scopeText(ProgramScore s, boolean in) {
        var d = s.definition;
        if (d.includeLists().isEmpty() && d.excludeLists().isEmpty()) {
            return "every " + d.objectType() + " is scored";
        }
        String lists = (d.includeLists().isEmpty() ? "" : "include lists " + quoted(d.includeLists()))
                + (d.excludeLists().isEmpty() ? "" : (d.includeLists().isEmpty() ? "" : "; ")
                + "exclude lists " + quoted(d.excludeLists()));
        return (in ? "in scope (" : "out of scope, so no value (") + lists + ")";
    }

    private static String quoted(List<String> l) {
        return String.join(", ", l.stream().map(x -> "\"" + x + "\"").toList());
    }

    static List<StatusThreshold> statuses(ProgramScore s) {
        List<StatusThreshold> list = new ArrayList<>(s.statuses);
        if (list.isEmpty()) {
            boolean health = s.definition.type() == ScoreType.HEALTH;
            var pos = s.definition.position();
            list.add(new StatusThreshold(health ? "At risk" : "Low", BigDecimal.valueOf(Long.MIN_VALUE), pos));
            list.add(new StatusThreshold(health ? "Neutral" : "Medium", BigDecimal.valueOf(40), pos));
            list.add(new StatusThreshold(health ? "Healthy" : "High", BigDecimal.valueOf(70), pos));
        }
        list.sort(Comparator.comparing(StatusThreshold::from));
        return list;
    }

    private static String letter(BigDecimal fit, Levels l) {
        return fit.compareTo(l.high()) >= 0 ? "A" : fit.compareTo(l.medium()) >= 0 ? "B" : "C";
    }

    private static String digit(BigDecimal engagement, Levels l) {
        return engagement.compareTo(l.high()) >= 0 ? "1" : engagement.compareTo(l.medium()) >= 0 ? "2" : "3";
    }

    /** Running sum, count, min and max of the values an association rule aggregates. */
    private static final class Aggregation {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min;
        BigDecimal max;
        long count;

        void add(BigDecimal v) {
            add(v, 1);
        }

        /** Adds {@code n} equal values at once. */
        void add(BigDecimal v, long n) {
            sum = n == 1 ? sum.add(v) : sum.add(v.multiply(BigDecimal.valueOf(n)));
            min = min == null || v.compareTo(min) < 0 ? v : min;
            max = max == null || v.compareTo(max) > 0 ? v : max;
            count += n;
        }

        BigDecimal result(Aggregate a) {
            if (count == 0) {
                return BigDecimal.ZERO;
            }
            return switch (a) {
                case SUM -> sum;
                case AVERAGE -> sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
                case MIN -> min;
                case MAX -> max;
            };
        }
    }

    private BigDecimal contribution(ProgramRule r, int rec, long[] rh, ProgramGroup g, EventCache cache,
                                    Trace trace) {
        Decay decay = g.decay;
        if (r.assocMatcher < 0) {
            return switch (r.kind) {
                case PROPERTY -> {
                    boolean hit = HitSet.has(rh, r.matcher);
                    if (trace != null) {
                        trace.details.add((hit ? "holds" : "no: does not hold") + " for " + values(rec, r));
                    }
                    yield hit ? r.points[0] : BigDecimal.ZERO;
                }
                case PROPERTY_POINTS -> {
                    BigDecimal total = BigDecimal.ZERO;
                    for (int i = 0; i < r.points.length; i++) {
                        if (HitSet.has(rh, r.matcher + i)) {
                            total = total.add(r.points[i]);
                            if (trace != null) {
                                trace.details.add("holds " + valueOf(r, i) + ": " + plain(r.points[i]));
                            }
                        }
                    }
                    if (trace != null && trace.details.isEmpty()) {
                        trace.details.add("no listed value held by " + values(rec, r));
                    }
                    yield total;
                }
                case EVENT, EVENT_POINTS -> {
                    Aggregation agg = new Aggregation();
                    events(r, rec, cache.of(rec), g, agg, trace, null);
                    if (trace != null && agg.count == 0) {
                        trace.details.add("no matching event");
                    }
                    yield agg.sum;
                }
                case FREQUENCY -> frequency(r, new int[] {rec}, cache, g, trace);
            };
        }
        // On associated records: the association filter picks them, then the rule reads each.
        List<Integer> linked = new ArrayList<>();
        for (int a = 0; a < data.assocCount(rec); a++) {
            int other = data.assocOther(rec, a);
            long[] ah = matcher.assoc(data.assocLabels(rec, a), data.recordShape(other));
            if (HitSet.has(ah, r.assocMatcher)) {
                linked.add(other);
            }
        }
        if (trace != null) {
            linked.sort(Comparator.comparing(data::key)); // explanations list them by key; sums need no order
        }
        if (trace != null && linked.isEmpty()) {
            trace.details.add("no associated " + r.assocType + " passes the association filter");
        }
        if (r.kind == RuleKind.FREQUENCY) {
            return frequency(r, linked.stream().mapToInt(Integer::intValue).toArray(), cache, g, trace);
        }
        Aggregation agg = new Aggregation();
        for (int other : linked) {
            long[] oh = matcher.record(data.recordShape(other));
            RecordKey key = data.key(other);
            switch (r.kind) {
                case PROPERTY -> {
                    if (HitSet.has(oh, r.matcher)) {
                        agg.add(r.points[0]);
                        if (trace != null) {
                            trace.details.add(key + " matches: " + plain(r.points[0]));
                        }
                    } else if (trace != null) {
                        trace.details.add(key + " does not match (" + values(other, r) + ")");
                    }
                }
                case PROPERTY_POINTS -> {
                    BigDecimal v = null;
                    for (int i = 0; i < r.points.length; i++) {
                        if (HitSet.has(oh, r.matcher + i)) {
                            v = (v == null ? BigDecimal.ZERO : v).add(r.points[i]);
                        }
                    }
                    if (v != null) {
                        agg.add(v);
                    }
                    if (trace != null) {
                        trace.details.add(key + (v == null ? " holds no listed value (" + values(other, r) + ")"
                                : " gives " + plain(v) + " (" + values(other, r) + ")"));
                    }
                }
                default -> events(r, other, cache.of(other), g, agg, trace, key);
            }
        }
        BigDecimal result = agg.result(r.aggregate);
        if (trace != null && !linked.isEmpty()) {
            trace.details.add(r.aggregate.keyword() + " over " + agg.count + " matching "
                    + (r.readsEvents() ? "events" : "records") + ": " + plain(round(result)));
        }
        return result;
    }

    /**
     * Adds the decayed points of every matching event of a record. Events are counted per listed
     * value and decay step, so the decimal arithmetic is done once per distinct (value, step), not
     * once per event.
     */
    private void events(ProgramRule r, int rec, long[][] hits, ProgramGroup g, Aggregation agg, Trace trace,
                        RecordKey via) {
        Decay decay = g.decay;
        int steps = g.factors.length;
        long[] counts = null;
        for (int e = 0; e < hits.length; e++) {
            long[] eh = hits[e];
            if (eh == null) {
                continue;
            }
            int value = -1;
            for (int i = 0; i < r.points.length; i++) {
                if (HitSet.has(eh, r.matcher + i)) {
                    value = i; // the first listed value the event holds
                    break;
                }
            }
            if (value < 0) {
                continue;
            }
            long at = data.eventAt(rec, e);
            int step = stepOf(g, at);
            if (counts == null) {
                counts = new long[r.points.length * steps];
            }
            counts[value * steps + step]++;
            if (trace != null) {
                BigDecimal factor = g.factors[step];
                trace.details.add((via == null ? "" : via + ": ") + eventText(rec, e) + ", " + age(at)
                        + (decay == null ? "" : ", decay x" + plain(factor)) + ": "
                        + plain(r.points[value].multiply(factor)));
            }
        }
        if (counts == null) {
            return;
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                BigDecimal factor = g.factors[k % steps];
                BigDecimal points = r.points[k / steps];
                agg.add(factor.signum() == 0 ? BigDecimal.ZERO : points.multiply(factor), counts[k]);
            }
        }
    }

    private BigDecimal frequency(ProgramRule r, int[] recs, EventCache cache, ProgramGroup g, Trace trace) {
        Decay decay = g.decay;
        long n = 0;
        long newest = Long.MIN_VALUE;
        for (int rec : recs) {
            long[][] hits = cache.of(rec);
            for (int e = 0; e < hits.length; e++) {
                if (hits[e] != null && HitSet.has(hits[e], r.matcher)) {
                    n++;
                    newest = Math.max(newest, data.eventAt(rec, e));
                }
            }
        }
        boolean holds = r.frequency.test(n);
        BigDecimal factor = n == 0 ? BigDecimal.ONE : factorAt(g, newest);
        if (trace != null) {
            trace.details.add((holds ? "" : "no: ") + n + " matching event" + (n == 1 ? "" : "s")
                    + (holds ? " satisfies" : " does not satisfy") + " the frequency"
                    + (n > 0 && decay != null ? "; newest " + age(newest) + ", decay x" + plain(factor) : ""));
        }
        return holds ? r.points[0].multiply(factor) : BigDecimal.ZERO;
    }

    /** The group's decay factor for an event at {@code at}, from the factors computed once per group. */
    private BigDecimal factorAt(ProgramGroup g, long at) {
        return g.decay == null ? BigDecimal.ONE : g.factors[stepOf(g, at)];
    }

    /** The decay step of an event at {@code at}; the last step stands for every older one. */
    private int stepOf(ProgramGroup g, long at) {
        return g.decay == null ? 0 : (int) Math.min(g.factors.length - 1, DecayMath.steps(g.decay, now - at));
    }

    private String age(long at) {
        long days = Math.floorDiv(now - at, DAY);
        return "at " + Instant.ofEpochMilli(at) + " (" + days + (days == 1 ? " day" : " days") + " old)";
    }

    private String eventText(int rec, int e) {
        Facts.EventShape shape = data.shapes().eventShape(data.eventShape(rec, e));
        return shape.type() + (shape.values().isEmpty() ? "" : " " + shape.values());
    }

    private String values(int rec, ProgramRule r) {
        Facts.RecordShape shape = data.shapes().recordShape(data.recordShape(rec));
        return shape.values().isEmpty() ? "no property the rules read" : shape.values().toString()
                + (shape.lists().isEmpty() ? "" : ", lists " + shape.lists());
    }

    private static String valueOf(ProgramRule r, int i) {
        if (r.rule instanceof dev.scoreline.dsl.model.Rule.PropertyPointsRule p) {
            return p.property() + " " + p.points().get(i).value();
        }
        return "value " + i;
    }

    static BigDecimal clamp(BigDecimal v, BigDecimal low, BigDecimal high) {
        if (low != null && v.compareTo(low) < 0) {
            v = low;
        }
        if (high != null && v.compareTo(high) > 0) {
            v = high;
        }
        return v;
    }

    /** Two decimals, half away from zero (-0.125 gives -0.13); no trailing zeros, never -0. */
    public static BigDecimal round(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP);
        if (r.signum() == 0) {
            return BigDecimal.ZERO;
        }
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    static String plain(BigDecimal v) {
        return round(v).toPlainString();
    }
}
