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

    private final Function<dev.scoreline.dsl.model.Rule, String> ruleText;
    private List<RuleExplanation> rules = new ArrayList<>();
    private final List<GroupExplanation> groups = new ArrayList<>();
    private List<String> details = new ArrayList<>();
    private ScoreExplanation result;

    ExplainTrace(Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        this.ruleText = ruleText;
    }

    ScoreExplanation result() {
        return result;
    }

    @Override
    public boolean recording() {
        return true;
    }

    @Override
    public void detail(Supplier<String> text) {
        details.add(text.get());
    }

    @Override
    public void explain(Runnable explain) {
        explain.run();
    }

    @Override
    public void propertyRule(boolean hit, DataView data, int rec) {
        details.add((hit ? "holds" : "no: does not hold") + " for " + Texts.values(data, rec));
    }

    @Override
    public void listedValue(ProgramRule r, int value) {
        details.add("holds " + Texts.listedValue(r, value) + ": " + Evaluator.plain(r.points[value]));
    }

    @Override
    public void noListedValue(DataView data, int rec) {
        details.add("no listed value held by " + Texts.values(data, rec));
    }

    @Override
    public void neighbourEvents(RuleContributions contributions, ProgramRule r, ProgramGroup g, int other,
                                ReadCache read) {
        contributions.explainNeighbourEvents(r, g, other, read, this);
    }

    @Override
    public void neighbour(ProgramRule r, boolean hit, BigDecimal gives, DataView data, int other) {
        String key = data.key(other).toString();
        String values = Texts.values(data, other);
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
            details.add("no matching event");
        }
    }

    @Override
    public void frequency(ProgramRule r, boolean holds, long n, long newest, long now, ProgramGroup g,
                          BigDecimal factor) {
        details.add((holds ? "" : "no: ") + n + " matching event" + (n == 1 ? "" : "s")
                + (holds ? " satisfies" : " does not satisfy") + " the frequency"
                + (n > 0 && g.decay != null ? "; newest " + Texts.age(newest, now) + ", decay x"
                + Evaluator.plain(factor) : ""));
    }

    @Override
    public void aggregated(ProgramRule r, long count, BigDecimal result, String what) {
        details.add(r.aggregate.keyword() + " over " + count + " matching " + what + ": "
                + Evaluator.plain(Evaluator.round(result)));
    }

    @Override
    public void rule(ProgramRule r, BigDecimal points) {
        boolean matched = points.signum() != 0 || !details.isEmpty() && !details.get(0).startsWith("no ");
        rules.add(new RuleExplanation(ruleText.apply(r.rule), r.rule.position().line(), matched, points,
                List.copyOf(details)));
        details = new ArrayList<>();
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
                Statuses.scopeText(s, false), List.of(), null, null, null, null, null, null);
    }

    @Override
    public void total(ProgramScore s, BigDecimal sum, BigDecimal total, ScoreResult r) {
        String totalClamp = total.compareTo(sum) == 0 ? null
                : "clamped to " + Evaluator.plain(total) + " by " + (sum.compareTo(total) > 0 ? "limit " : "minimum ")
                + Evaluator.plain(total);
        result = new ScoreExplanation(s.definition.name(), s.definition.type().keyword(), true,
                Statuses.scopeText(s, true), List.copyOf(groups), sum, r.value(), totalClamp, r.status(),
                Statuses.reason(s, r.value(), r.engagement(), r.fit()), r);
    }
}
