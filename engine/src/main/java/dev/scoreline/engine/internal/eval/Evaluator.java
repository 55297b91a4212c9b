package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.GroupValues;
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
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.RuleKind;
import dev.scoreline.engine.internal.compile.TimeRange;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.match.DroolsFacts;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import dev.scoreline.engine.internal.match.HitSet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic that follows the matches (language.md sections 6 to 9): rule contributions with
 * decay and aggregation, group clamps, totals, statuses, rounding. Drools has decided every match
 * (through {@link DroolsShapeMatcher}); this class only adds up. With a trace it also explains.
 */
public final class Evaluator {

    private static final long DAY = TimeRange.DAY_MS;

    private final DataView data;
    private final DroolsShapeMatcher matcher;
    private long now;
    private final Function<dev.scoreline.dsl.model.Rule, String> ruleText;

    public Evaluator(DataView data, DroolsShapeMatcher matcher,
                     Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        this.data = data;
        this.matcher = matcher;
        this.now = matcher.now();
        this.ruleText = ruleText;
    }

    /**
     * The score of a record of a batch being scored, or null when the record is out of the score's
     * scope. What the record reads that Drools has not matched yet is matched with what is new in
     * the whole batch, in one session.
     */
    public ScoreResult score(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch) {
        return evaluate(s, rec, batch, null);
    }

    /** The explanation of a score for a record (of the score's type). */
    ScoreExplanation explain(ProgramScore s, int rec) {
        Trace trace = new Trace();
        evaluate(s, rec, null, trace);
        return trace.result;
    }

    /** Collects what an evaluation did, for {@code explain}. */
    private static final class Trace {
        List<RuleExplanation> rules = new ArrayList<>();
        List<GroupExplanation> groups = new ArrayList<>();
        List<String> details;
        ScoreExplanation result;
    }

    /** Per layout, its tally at this evaluator's matcher. */
    private final Map<EventRuleCounter.Layout, EventRuleCounter> tallies = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the record's events give the layout's rules (see {@link EventRuleCounter}); null when no event counts. */
    private long[] tally(EventRuleCounter.Layout layout, int rec, DroolsShapeMatcher.Batch together) {
        if (layout.width == 0) {
            return null;
        }
        long[] counts = new long[layout.width];
        return tallyOf(layout).count(data, rec, together, counts, null) ? counts : null;
    }

    private EventRuleCounter tallyOf(EventRuleCounter.Layout layout) {
        EventRuleCounter t = tallies.get(layout);
        return t != null ? t : tallies.computeIfAbsent(layout, l -> new EventRuleCounter(l, matcher));
    }

    /**
     * What one evaluation reads, each looked up once: the record's event counts, and per
     * association its other record, the association's matches and that record's event counts.
     */
    private final class EventCache {
        private final ProgramScore score;
        private final int scored;
        private final DroolsShapeMatcher.Batch batch;
        private boolean ownCounted;
        private long[] own;
        private int[] other;
        private DroolsShapeMatcher.Batch together;
        private long[][] assocHits;
        private long[][] otherCounts;
        private boolean[] otherCounted;
        private long[][] otherRecord;

        EventCache(ProgramScore score, int scored, DroolsShapeMatcher.Batch batch) {
            this.score = score;
            this.scored = scored;
            this.batch = batch;
        }

        /** The scored record's counts for the score's own event rules; null when none counts. */
        long[] own() {
            if (!ownCounted) {
                own = tally(score.ownEvents, scored, batch);
                ownCounted = true;
            }
            return own;
        }

        /** The associations of the scored record, with their matches, looked up on first use. */
        void neighbours() {
            if (other != null) {
                return;
            }
            int n = data.assocCount(scored);
            other = new int[n];
            together = new DroolsShapeMatcher.Batch(other, 0, n);
            assocHits = new long[n][];
            otherCounts = new long[n][];
            otherCounted = new boolean[n];
            otherRecord = new long[n][];
            for (int a = 0; a < n; a++) {
                other[a] = data.assocOther(scored, a);
                assocHits[a] = matcher.assocMatches(data.assocLabels(scored, a), data.recordShape(other[a]), scored, batch);
            }
        }

        long[] recordHitsOfNeighbour(int a) {
            if (otherRecord[a] == null) {
                otherRecord[a] = matcher.recordMatches(other[a], together);
            }
            return otherRecord[a];
        }

        /**
         * The associated record's counts for the score's event rules on associated records (kept
         * between live evaluations, see {@link #partials}); null when none counts. Its events are
         * matched, when new, with those of every associated record in one session.
         */
        long[] countsOfNeighbour(int a) {
            if (!otherCounted[a]) {
                otherCounts[a] = partial(score.associatedEvents, other[a], together);
                otherCounted[a] = true;
            }
            return otherCounts[a];
        }
    }

    /**
     * Live scoring only: per record and score, what its events give the score's rules that read
     * them through an association (its {@link EventRuleCounter} counts), valid from the NOW it was
     * computed at until the record's next change with time ({@link NextChange}) or a change to its
     * data ({@link #forget}). An event on one contact then
     * re-reads that contact's events, not those of every contact of its companies.
     */
    private Partials[] partials;
    private final Map<EventRuleCounter.Layout, Integer> partialSlot = new java.util.IdentityHashMap<>();
    private NextChange nextChange;

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

    /** Keeps association partials between evaluations (single-threaded use only). */
    public void keepPartials(CompiledRuleBase program) {
        for (ProgramScore s : program.scores) {
            if (s.associatedEvents.width > 0) {
                partialSlot.put(s.associatedEvents, partialSlot.size());
            }
        }
        partials = new Partials[1024];
        nextChange = new NextChange(program);
    }

    /** The record's data changed: its partials no longer hold. */
    public void forget(int rec) {
        if (partials != null && rec < partials.length) {
            partials[rec] = null;
        }
    }

    private ScoreResult evaluate(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch, Trace trace) {
        now = matcher.now();
        EventCache events = new EventCache(s, rec, batch);
        // A score of event rules alone needs no record matches: not fetching them saves a cache miss.
        long[] rh = s.readsRecordMatches ? matcher.recordMatches(rec, batch) : null;
        if (s.scopeMatcher >= 0 && !HitSet.has(rh, s.scopeMatcher)) {
            if (trace != null) {
                trace.result = new ScoreExplanation(s.definition.name(), s.definition.type().keyword(), false, scopeText(s, false),
                        List.of(), null, null, null, null, null, null);
            }
            return null;
        }
        boolean combined = s.definition.type() == ScoreType.COMBINED;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal engagement = BigDecimal.ZERO;
        BigDecimal fit = BigDecimal.ZERO;
        BigDecimal[] rounded = new BigDecimal[s.groups.length];
        for (int gi = 0; gi < s.groups.length; gi++) {
            ProgramGroup g = s.groups[gi];
            BigDecimal groupSum = g.startAt;
            if (trace != null) {
                trace.rules = new ArrayList<>();
            }
            for (ProgramRule r : g.rules) {
                if (trace != null) {
                    trace.details = new ArrayList<>();
                }
                BigDecimal c = contribution(r, rec, rh, g, events, trace);
                groupSum = c.signum() == 0 ? groupSum : groupSum.add(c);
                if (trace != null) {
                    boolean matched = c.signum() != 0 || !trace.details.isEmpty() && !trace.details.get(0).startsWith("no ");
                    trace.rules.add(new RuleExplanation(ruleText.apply(r.rule), r.rule.position().line(),
                            matched, c, List.copyOf(trace.details)));
                }
            }
            BigDecimal value = groupSum;
            String clamp = null;
            if (g.limit != null) {
                value = clamp(groupSum, g.negativeLimit, g.limit);
                if (trace != null && value.compareTo(groupSum) != 0) {
                    clamp = "clamped to " + plain(value) + " by limit " + plain(g.limit);
                }
            }
            rounded[gi] = round(value);
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
        BigDecimal eng = combined ? round(engagement) : null;
        BigDecimal ft = combined ? round(fit) : null;
        String status = combined ? letter(ft, s.fitLevels) + digit(eng, s.engagementLevels)
                : s.sortedStatuses.get(chosenStatus(s, value)).label();
        ScoreResult result = new ScoreResult(s.definition.name(), data.key(rec), value, status,
                GroupValues.of(s.groupNames, rounded), eng, ft);
        if (trace != null) {
            String totalClamp = total.compareTo(sum) == 0 ? null
                    : "clamped to " + plain(total) + " by " + (sum.compareTo(total) > 0 ? "limit " : "minimum ")
                    + plain(total);
            trace.result = new ScoreExplanation(s.definition.name(), s.definition.type().keyword(), true, scopeText(s, true),
                    List.copyOf(trace.groups), sum, value, totalClamp, status, statusReason(s, value, eng, ft), result);
        }
        return result;
    }

    /** The index of the status a value reaches in the score's sorted statuses (the lowest when none). */
    private static int chosenStatus(ProgramScore s, BigDecimal value) {
        List<StatusThreshold> statuses = s.sortedStatuses;
        int chosen = 0;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).from().compareTo(value) <= 0) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** Why the value has its status, for explanations. */
    private static String statusReason(ProgramScore s, BigDecimal value, BigDecimal eng, BigDecimal ft) {
        if (eng != null) {
            return "fit " + plain(ft) + " gives " + letter(ft, s.fitLevels) + " (high from " + plain(s.fitLevels.high())
                    + ", medium from " + plain(s.fitLevels.medium()) + "); engagement " + plain(eng) + " gives "
                    + digit(eng, s.engagementLevels) + " (high from " + plain(s.engagementLevels.high())
                    + ", medium from " + plain(s.engagementLevels.medium()) + ")";
        }
        List<StatusThreshold> statuses = s.sortedStatuses;
        int chosen = chosenStatus(s, value);
        StatusThreshold t = statuses.get(chosen);
        boolean reached = chosen > 0 || (!s.statuses.isEmpty() && t.from().compareTo(value) <= 0);
        if (reached) {
            return plain(value) + " is at least " + plain(t.from()) + ", where \"" + t.label() + "\" starts";
        } else if (statuses.size() > 1) {
            StatusThreshold next = statuses.get(1);
            return plain(value) + " is below " + plain(next.from()) + ", where \"" + next.label()
                    + "\" starts, so the lowest status applies";
        }
        return "the only status";
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

    public static List<StatusThreshold> statuses(ProgramScore s) {
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

    /** What one rule adds to its group for the record. */
    private BigDecimal contribution(ProgramRule r, int rec, long[] rh, ProgramGroup g, EventCache cache,
                                    Trace trace) {
        return r.assocMatcher < 0 ? ownContribution(r, rec, rh, g, cache, trace)
                : associatedContribution(r, g, cache, trace);
    }

    /** A rule on the record itself: its matches, or its own events' counters. */
    private BigDecimal ownContribution(ProgramRule r, int rec, long[] rh, ProgramGroup g, EventCache cache,
                                       Trace trace) {
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
                long[] own = cache.own();
                if (trace != null) {
                    explainEvents(cache.score.ownEvents, r, g, rec, null, trace);
                    if (trace.details.isEmpty()) {
                        trace.details.add("no matching event");
                    }
                }
                yield own == null ? BigDecimal.ZERO : eventPoints(r, g, own);
            }
            case FREQUENCY -> {
                long[] own = cache.own();
                long n = own == null ? 0 : own[r.counter];
                yield frequency(r, n, n == 0 ? Long.MIN_VALUE : own[r.counter + 1], g, trace);
            }
        };
    }

    /**
     * A rule on associated records: the association filter picks them ({@link #linked}), then the
     * rule reads each, counted first and added once per (listed value, decay step).
     */
    private BigDecimal associatedContribution(ProgramRule r, ProgramGroup g, EventCache cache, Trace trace) {
        int[] linked = linked(r, cache, trace);
        if (r.kind == RuleKind.FREQUENCY) {
            long events = 0;
            long newest = Long.MIN_VALUE;
            for (int a : linked) {
                long[] c = cache.countsOfNeighbour(a);
                if (c != null && c[r.counter] > 0) {
                    events += c[r.counter];
                    newest = Math.max(newest, c[r.counter + 1]);
                }
            }
            return frequency(r, events, newest, g, trace);
        }
        Aggregation agg = new Aggregation();
        // Records count at step 0 (no decay); a record holding more than one listed value adds
        // their sum on its own.
        long[] counts = new long[EventRuleCounter.Layout.counters(r, g)];
        boolean any = false;
        for (int a : linked) {
            if (r.readsEvents()) {
                any |= addNeighbourCounts(r, g, cache, a, counts, trace);
            } else {
                any |= countNeighbour(r, g, cache, a, counts, agg, trace);
            }
        }
        addCounts(r, g, any ? counts : null, 0, agg);
        BigDecimal result = agg.result(r.aggregate);
        if (trace != null && linked.length > 0) {
            trace.details.add(r.aggregate.keyword() + " over " + agg.count + " matching "
                    + (r.readsEvents() ? "events" : "records") + ": " + plain(round(result)));
        }
        return result;
    }

    /** The associations of the scored record that pass the rule's association filter (by key when explaining). */
    private int[] linked(ProgramRule r, EventCache cache, Trace trace) {
        cache.neighbours();
        int[] linked = new int[cache.other.length];
        int n = 0;
        for (int a = 0; a < linked.length; a++) {
            if (HitSet.has(cache.assocHits[a], r.assocMatcher)) {
                linked[n++] = a;
            }
        }
        linked = java.util.Arrays.copyOf(linked, n);
        if (trace != null) {
            // Explanations list them by key; sums need no order.
            linked = java.util.Arrays.stream(linked).boxed()
                    .sorted(Comparator.comparing(a -> data.key(cache.other[a]))).mapToInt(Integer::intValue).toArray();
            if (linked.length == 0) {
                trace.details.add("no associated " + r.assocType + " passes the association filter");
            }
        }
        return linked;
    }

    /** Adds an associated record's event counters for the rule to {@code counts}; whether any was not zero. */
    private boolean addNeighbourCounts(ProgramRule r, ProgramGroup g, EventCache cache, int a, long[] counts,
                                       Trace trace) {
        if (trace != null) {
            explainEvents(cache.score.associatedEvents, r, g, cache.other[a], data.key(cache.other[a]), trace);
        }
        long[] c = cache.countsOfNeighbour(a);
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
    private boolean countNeighbour(ProgramRule r, ProgramGroup g, EventCache cache, int a, long[] counts,
                                   Aggregation agg, Trace trace) {
        int other = cache.other[a];
        RecordKey key = trace == null ? null : data.key(other);
        int steps = g.factors.length;
        switch (r.kind) {
            case PROPERTY -> {
                if (HitSet.has(cache.recordHitsOfNeighbour(a), r.matcher)) {
                    counts[0]++;
                    if (trace != null) {
                        trace.details.add(key + " matches: " + plain(r.points[0]));
                    }
                    return true;
                } else if (trace != null) {
                    trace.details.add(key + " does not match (" + values(other, r) + ")");
                }
                return false;
            }
            case PROPERTY_POINTS -> {
                long[] oh = cache.recordHitsOfNeighbour(a);
                int only = -1;
                int held = 0;
                for (int i = 0; i < r.points.length; i++) {
                    if (HitSet.has(oh, r.matcher + i)) {
                        only = i;
                        held++;
                    }
                }
                BigDecimal v = null;
                if (held > 1 || held == 1 && trace != null) {
                    v = BigDecimal.ZERO;
                    for (int i = 0; i < r.points.length; i++) {
                        v = HitSet.has(oh, r.matcher + i) ? v.add(r.points[i]) : v;
                    }
                }
                if (held == 1) {
                    counts[only * steps]++;
                } else if (v != null) {
                    agg.add(v);
                }
                if (trace != null) {
                    trace.details.add(key + (v == null ? " holds no listed value (" + values(other, r) + ")"
                            : " gives " + plain(v) + " (" + values(other, r) + ")"));
                }
                return held == 1;
            }
            default -> throw new IllegalStateException("not a property rule: " + r.kind);
        }
    }

    /**
     * What a record's events give a layout's rules ({@link EventRuleCounter}); null when no event counts.
     * In live scoring, kept with the record's partials (see {@link #partials}).
     */
    private long[] partial(EventRuleCounter.Layout layout, int rec, DroolsShapeMatcher.Batch together) {
        Integer slot = partials == null ? null : partialSlot.get(layout);
        if (slot == null) {
            return tally(layout, rec, together);
        }
        Partials p = partialsOf(rec);
        long[] c = p.bySlot[slot];
        if (c == null) {
            c = tally(layout, rec, together);
            p.bySlot[slot] = c == null ? NOTHING : c;
        }
        return c == NOTHING ? null : c;
    }

    private static final long[] NOTHING = new long[0];

    /** The record's partials valid at NOW, new (empty) when the kept ones no longer hold. */
    private Partials partialsOf(int rec) {
        if (rec >= partials.length) {
            partials = java.util.Arrays.copyOf(partials, Math.max(rec + 1, partials.length * 2));
        }
        Partials p = partials[rec];
        if (p == null || p.from > now || now >= p.until) {
            p = new Partials(now, nextChange.ownNext(data, rec, now), partialSlot.size());
            partials[rec] = p;
        }
        return p;
    }

    /**
     * When the record's own data can next change with time ({@link NextChange#ownNext}), kept with
     * its partials in live scoring so a company's next change does not re-read its contacts' events.
     */
    public long ownNext(int rec) {
        now = matcher.now();
        return partials == null ? nextChange.ownNext(data, rec, now) : partialsOf(rec).until;
    }

    /** Explains, event by event, what the record's events give an event rule ({@code via}: the association's record). */
    private void explainEvents(EventRuleCounter.Layout layout, ProgramRule r, ProgramGroup g, int rec, RecordKey via,
                               Trace trace) {
        if (r.kind == RuleKind.FREQUENCY) {
            return; // a frequency rule explains its count and newest event
        }
        int steps = g.factors.length;
        int width = EventRuleCounter.Layout.counters(r, g);
        tallyOf(layout).count(data, rec, null, new long[layout.width], (c, e, at) -> {
            if (c < r.counter || c >= r.counter + width) {
                return;
            }
            int value = (c - r.counter) / steps;
            BigDecimal factor = g.factors[(c - r.counter) % steps];
            trace.details.add((via == null ? "" : via + ": ") + eventText(rec, e) + ", " + age(at)
                    + (g.decay == null ? "" : ", decay x" + plain(factor)) + ": "
                    + plain(r.points[value].multiply(factor)));
        });
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
        BigDecimal factor = n == 0 ? BigDecimal.ONE : factorAt(g, newest);
        if (trace != null) {
            trace.details.add((holds ? "" : "no: ") + n + " matching event" + (n == 1 ? "" : "s")
                    + (holds ? " satisfies" : " does not satisfy") + " the frequency"
                    + (n > 0 && g.decay != null ? "; newest " + age(newest) + ", decay x" + plain(factor) : ""));
        }
        return holds ? r.points[0].multiply(factor) : BigDecimal.ZERO;
    }

    /** The group's decay factor for an event at {@code at}, from the factors computed once per group. */
    private BigDecimal factorAt(ProgramGroup g, long at) {
        return g.factors[g.stepAt(now - at)];
    }

    private String age(long at) {
        long days = Math.floorDiv(now - at, DAY);
        return "at " + Instant.ofEpochMilli(at) + " (" + days + (days == 1 ? " day" : " days") + " old)";
    }

    private String eventText(int rec, int e) {
        DroolsFacts.EventShape shape = data.shapes().eventShape(data.eventShape(rec, e));
        return shape.type() + (shape.values().isEmpty() ? "" : " " + shape.values());
    }

    private String values(int rec, ProgramRule r) {
        DroolsFacts.RecordShape shape = data.shapes().recordShape(data.recordShape(rec));
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
        if (v.scale() == 0) {
            return v.signum() == 0 ? BigDecimal.ZERO : v; // whole points, the usual case: nothing to do
        }
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
