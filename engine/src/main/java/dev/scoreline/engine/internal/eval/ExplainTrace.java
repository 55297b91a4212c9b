package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.Explanation.GroupExplanation;
import dev.scoreline.engine.Explanation.RuleExplanation;
import dev.scoreline.engine.Explanation.ScoreExplanation;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Records what an evaluation did, as the {@link ScoreExplanation} of {@code explain}. */
final class ExplainTrace implements Trace {

    private final Function<ProgramRule, String> ruleText;
    /** Whether the steps behind each rule are written (explain's); without them only what held and its points. */
    private final boolean withDetails;
    /** What a rule read on a record: the properties the rules read, and the scores the rule reads. */
    private final java.util.function.BiFunction<ProgramRule, Integer, String> valuesRead;
    private List<RuleExplanation> rules = new ArrayList<>();
    private final List<GroupExplanation> groups = new ArrayList<>();
    private List<String> details = new ArrayList<>();
    /** Whether the rule being explained held, as its steps said: [x] in explain, "matched" in JSON. */
    private boolean held;
    private ScoreExplanation result;
    private List<dev.scoreline.api.Adjustment> adjustments = List.of();

    ExplainTrace(Function<ProgramRule, String> ruleText,
                 java.util.function.BiFunction<ProgramRule, Integer, String> valuesRead, boolean withDetails) {
        this.ruleText = ruleText;
        this.withDetails = withDetails;
        this.valuesRead = valuesRead;
    }

    ScoreExplanation result() {
        return result;
    }

    @Override
    public boolean recording() {
        return true;
    }

    @Override
    public boolean detailing() {
        return withDetails;
    }

    @Override
    public void detail(Supplier<String> text) {
        if (withDetails) {
            details.add(text.get());
        }
    }

    @Override
    public void explain(Runnable explain) {
        if (withDetails) {
            explain.run();
        }
    }

    @Override
    public void propertyRule(ProgramRule r, boolean hit, int rec) {
        held = hit;
        detail(() -> (hit ? "holds: " : "does not hold: ") + valuesRead.apply(r, rec));
    }

    @Override
    public void listedValue(ProgramRule r, int value) {
        held = true;
        detail(() -> "holds " + Texts.listedValue(r, value) + ": " + Evaluator.plain(r.points[value]));
    }

    @Override
    public void noListedValue(ProgramRule r, DataView data, int rec) {
        detail(() -> "no listed value held: " + Texts.values(data, rec, r));
    }

    @Override
    public void held() {
        held = true;
    }

    @Override
    public void neighbourEvents(RuleContributions contributions, ProgramRule r, ProgramGroup g, int other,
                                ReadCache read) {
        held |= contributions.explainNeighbourEvents(r, g, other, read, this) > 0;
    }

    @Override
    public void neighbour(ProgramRule r, boolean hit, BigDecimal gives, DataView data, int other) {
        held |= r.points.length == 1 && gives == null ? hit : gives != null;
        if (!withDetails) {
            return;
        }
        String key = data.key(other).toString();
        String values = valuesRead.apply(r, other);
        if (r.points.length == 1 && gives == null) {
            details.add(hit ? key + " matches: " + Evaluator.plain(r.points[0]) : key + " does not match (" + values + ")");
        } else {
            details.add(key + (gives == null ? " holds no listed value (" + values + ")"
                    : " gives " + Evaluator.plain(gives) + " (" + values + ")"));
        }
    }

    @Override
    public void ownEvents(RuleContributions contributions, ProgramRule r, ProgramGroup g, int rec, ReadCache read) {
        if (contributions.explainOwnEvents(r, g, rec, read, this) == 0) {
            detail(() -> "no matching event");
        } else {
            held = true;
        }
    }

    @Override
    public void frequency(ProgramRule r, boolean holds, long n, long newest, long now, ProgramGroup g,
                          BigDecimal factor) {
        held = holds;
        detail(() -> (holds ? "" : "no: ") + n + " matching event" + (n == 1 ? "" : "s")
                + (holds ? " satisfies" : " does not satisfy") + " the frequency"
                + (n > 0 && g.decay != null ? "; newest " + Texts.age(newest, now) + ", decay x"
                + Evaluator.plain(factor) : ""));
    }

    @Override
    public void aggregated(ProgramRule r, long count, BigDecimal result, String what) {
        detail(() -> r.aggregate.keyword() + " over " + count + " matching " + what + ": "
                + Evaluator.plain(Evaluator.round(result)));
    }

    @Override
    public void rule(ProgramRule r, BigDecimal points) {
        rules.add(new RuleExplanation(ruleText.apply(r), r.rule.position().line(), held, points,
                List.copyOf(details)));
        details.clear();
        held = false;
    }

    @Override
    public void group(ProgramGroup g, BigDecimal sum, BigDecimal value) {
        String clamp = value.compareTo(sum) == 0 ? null
                : "clamped to " + Evaluator.plain(value) + " by limit " + Evaluator.plain(g.limit);
        groups.add(new GroupExplanation(g.group.name(), g.kind == null ? null : g.kind.keyword(), g.startAt,
                List.copyOf(rules), sum, value, clamp));
        rules = new ArrayList<>();
    }

    @Override
    public void outOfScope(ProgramScore s) {
        result = new ScoreExplanation(s.definition.name(), s.definition.type().keyword(), false,
                Statuses.scopeText(s, false), List.of(), List.of(), null, null, null, null, null, null);
    }

    @Override
    public void adjustments(List<dev.scoreline.api.Adjustment> adjustments) {
        this.adjustments = List.copyOf(adjustments);
    }

    @Override
    public void total(ProgramScore s, BigDecimal sum, BigDecimal total, ScoreResult r) {
        String totalClamp = total.compareTo(sum) == 0 ? null
                : "clamped to " + Evaluator.plain(total) + " by " + (sum.compareTo(total) > 0 ? "limit " : "minimum ")
                + Evaluator.plain(total);
        result = new ScoreExplanation(s.definition.name(), s.definition.type().keyword(), true,
                Statuses.scopeText(s, true), List.copyOf(groups), adjustments, sum, r.value(), totalClamp, r.status(),
                Statuses.reason(s, r.value(), r.engagement(), r.fit()), r);
    }
}
