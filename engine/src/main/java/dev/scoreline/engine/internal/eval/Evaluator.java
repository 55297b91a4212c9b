package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.GroupValues;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.engine.Explanation.ScoreExplanation;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import dev.scoreline.engine.internal.match.HitSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic that follows the matches (language.md sections 6 to 9): rule contributions
 * ({@link RuleContributions}) and their limits, group clamps, totals, statuses ({@link Statuses}),
 * rounding. Drools has decided every match (through {@link DroolsShapeMatcher}); this class only
 * adds up. With an {@link ExplainTrace} it also explains.
 */
public final class Evaluator {

    final DataView data;
    final DroolsShapeMatcher matcher;
    private volatile long now;
    private final Function<dev.scoreline.dsl.model.Rule, String> ruleText;
    /** Rule texts by rule (identity: a rule of the compiled program). */
    private final java.util.Map<ProgramRule, String> ruleTexts = new java.util.concurrent.ConcurrentHashMap<>();
    private final RuleContributions contributions;
    /** Results of the scores other scores read, evaluated when first read (so in the order references require). */
    final ScoreReferences references;
    private final NextChange nextChange;
    /** The manual adjustments added to totals before their clamp (language.md section 8, docs/store.md). */
    private volatile AdjustmentIndex adjustments = AdjustmentIndex.NONE;

    public Evaluator(CompiledRuleBase program, DataView data, DroolsShapeMatcher matcher,
                     Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        this.data = data;
        this.matcher = matcher;
        this.now = matcher.now();
        this.ruleText = ruleText;
        this.contributions = new RuleContributions(this);
        this.references = new ScoreReferences(program, this);
        this.nextChange = new NextChange(program);
    }

    long now() {
        return now;
    }

    /** The adjustments scoring adds (and whose expiries count as next changes) from now on. */
    public void use(AdjustmentIndex adjustments) {
        this.adjustments = adjustments;
        nextChange.use(adjustments);
    }

    /** When the record's values can next change with time alone: data, decay, windows and adjustments' expiries. */
    public NextChange nextChange() {
        return nextChange;
    }

    /**
     * The score of a record of a batch being scored, or null when the record is out of the score's
     * scope. What the record reads that Drools has not matched yet is matched with what is new in
     * the whole batch, in one session. A score that other scores read is evaluated once per record
     * and NOW, whoever asks first.
     */
    public ScoreResult score(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch) {
        return s.referenced() ? references.result(s, rec, batch) : evaluate(s, rec, batch, Trace.NONE);
    }

    /** Evaluates without the kept results of referenced scores (they use this). */
    ScoreResult evaluate(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch) {
        return evaluate(s, rec, batch, Trace.NONE);
    }

    /** The explanation of a score for a record (of the score's type), with the steps behind each rule. */
    public ScoreExplanation explain(ProgramScore s, int rec) {
        return explain(s, rec, true);
    }

    /**
     * The explanation of a score for a record; without {@code withDetails} each rule says only
     * whether it held and its points (what a run's causes name, for every changed record: the
     * steps, such as each event's age, cost more than the scoring itself).
     */
    public ScoreExplanation explain(ProgramScore s, int rec, boolean withDetails) {
        ExplainTrace trace = new ExplainTrace(this::ruleText, references::valuesRead, withDetails);
        evaluate(s, rec, null, trace);
        return trace.result();
    }

    /** A rule's text, formatted once per evaluator: a run explains every record it changed. */
    private String ruleText(ProgramRule r) {
        return ruleTexts.computeIfAbsent(r, x -> ruleText.apply(x.rule));
    }

    /** The referenced score's explanation for {@code rec}, one level down: its groups and the rules that gave points. */
    void explainReference(int score, int rec, Trace trace) {
        ScoreExplanation e = explain(references.score(score), rec);
        if (!e.inScope()) {
            return;
        }
        e.groups().forEach(g -> {
            trace.detail(() -> "  group \"" + g.name() + "\": " + plain(g.value()));
            g.rules().stream().filter(r -> r.points().signum() != 0).forEach(r ->
                    trace.detail(() -> "    line " + r.line() + " " + r.rule() + ": " + plain(r.points())));
        });
        trace.detail(() -> "  status " + e.status());
    }

    /** Per layout, its tally at this evaluator's matcher. */
    private final Map<EventRuleCounter.Layout, EventRuleCounter> tallies = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the record's events give the layout's rules (see {@link EventRuleCounter}); null when no event counts. */
    long[] tally(EventRuleCounter.Layout layout, int rec, DroolsShapeMatcher.Batch together, long[] sinceBounds) {
        if (layout.width == 0) {
            return null;
        }
        long[] counts = new long[layout.width];
        return tallyOf(layout).count(data, rec, together, counts, null, sinceBounds) ? counts : null;
    }

    EventRuleCounter tallyOf(EventRuleCounter.Layout layout) {
        EventRuleCounter t = tallies.get(layout);
        return t != null ? t : tallies.computeIfAbsent(layout, l -> new EventRuleCounter(l, matcher));
    }

    /**
     * Live scoring only: per record and score, what its events give the score's rules that read
     * them through an association, kept between evaluations ({@link NeighbourPartials}).
     */
    private NeighbourPartials partials;

    /** Keeps association partials between evaluations (single-threaded use only). */
    public void keepPartials(CompiledRuleBase program) {
        partials = new NeighbourPartials(program);
    }

    /** The record's data changed: its partials and the results kept for scores that others read no longer hold. */
    public void forget(int rec) {
        if (partials != null) {
            partials.forget(rec);
        }
        references.forget(rec);
    }

    /** A record the record reads changed: the results kept for scores that others read no longer hold. */
    public void forgetResults(int rec) {
        references.forget(rec);
    }

    /**
     * Keeps {@code result} (null: out of scope) as the record's result of a score that others
     * read, at the matcher's NOW, as if evaluated here: a partitioned job's earlier stage scored
     * the record with its own neighbours, which this data does not hold.
     */
    public void keep(ProgramScore s, int rec, ScoreResult result) {
        references.keep(s.index(), rec, result);
    }

    /**
     * What a record's events give a layout's rules ({@link EventRuleCounter}); null when no event
     * counts. In live scoring, kept with the record's partials, unless they depend on the scored
     * record (a since bound).
     */
    long[] partial(EventRuleCounter.Layout layout, int rec, DroolsShapeMatcher.Batch together, long[] sinceBounds) {
        if (partials == null || sinceBounds != null) {
            return tally(layout, rec, together, sinceBounds);
        }
        return partials.of(layout, rec, now, data, () -> tally(layout, rec, together, null));
    }

    /**
     * When the record's own data can next change with time ({@link NextChange#ownNext}), kept with
     * its partials in live scoring so a company's next change does not re-read its contacts' events.
     */
    public long ownNext(int rec) {
        now = matcher.now();
        return partials == null ? nextChange.ownNext(data, rec, now) : partials.until(rec, now, data);
    }

    private ScoreResult evaluate(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch, Trace trace) {
        now = matcher.now();
        ReadCache read = new ReadCache(this, s, rec, batch);
        // A score of event rules alone needs no record matches: not fetching them saves a cache miss.
        long[] rh = s.readsRecordMatches ? read.recordHits() : null;
        if (s.scopeMatcher >= 0 && !HitSet.has(rh, s.scopeMatcher)) {
            trace.outOfScope(s);
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
            for (ProgramRule r : g.rules) {
                BigDecimal c = limited(r, contributions.of(r, rec, rh, g, read, trace), trace);
                groupSum = c.signum() == 0 ? groupSum : groupSum.add(c);
                trace.rule(r, c);
            }
            BigDecimal value = g.limit == null ? groupSum : clamp(groupSum, g.negativeLimit, g.limit);
            trace.group(g, groupSum, value);
            rounded[gi] = round(value);
            sum = sum.add(value);
            if (g.kind == GroupKind.FIT) {
                fit = fit.add(value);
            } else if (g.kind == GroupKind.ENGAGEMENT) {
                engagement = engagement.add(value);
            }
        }
        // Adjustments count in the total before its clamp, never in a group (so no group limit cuts them).
        List<Adjustment> adjusted = adjustments.isEmpty() ? List.of() : adjustments.active(s.definition.name(), data.key(rec), now);
        if (!adjusted.isEmpty()) {
            sum = sum.add(AdjustmentIndex.sum(adjusted));
            trace.adjustments(adjusted);
        }
        BigDecimal total = clamp(sum, s.definition.minimum(), s.limit);
        BigDecimal value = round(total);
        BigDecimal eng = combined ? round(engagement) : null;
        BigDecimal ft = combined ? round(fit) : null;
        ScoreResult result = new ScoreResult(s.definition.name(), data.key(rec), value, Statuses.of(s, value, eng, ft),
                GroupValues.of(s.groupNames, rounded), eng, ft, s.properties);
        trace.total(s, sum, total, result);
        return result;
    }

    /** A rule's points clamped to [-L, L] by its own limit (language.md section 8.0). */
    private static BigDecimal limited(ProgramRule r, BigDecimal points, Trace trace) {
        if (r.limit == null) {
            return points;
        }
        BigDecimal clamped = clamp(points, r.negativeLimit, r.limit);
        if (clamped.compareTo(points) != 0) {
            trace.detail(() -> "clamped from " + plain(points) + " to " + plain(clamped) + " by the rule's limit "
                    + plain(r.limit));
        }
        return clamped;
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
