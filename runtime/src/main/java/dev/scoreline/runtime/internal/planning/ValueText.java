package dev.scoreline.runtime.internal.planning;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.Explainer;
import dev.scoreline.engine.Explanation;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import java.math.BigDecimal;

/**
 * How a history entry's cause states a new value: the groups' values, the total and status, and
 * (when the run can explain) the rules that gave points, with their points. One wording for full
 * and incremental runs and the first pass of a follow.
 */
public final class ValueText {

    /** At most this many rules are named; the rest are counted. */
    private static final int RULES = 8;

    private final Explainer explainer;

    private ValueText(Explainer explainer) {
        this.explainer = explainer;
    }

    /** Groups, total and status only. */
    public static ValueText groupsOnly() {
        return new ValueText(null);
    }

    /** Also the rules behind the value, explained on the data the run scored. */
    public static ValueText withRules(ScoreEngine engine, ScoringData data, java.time.Instant now) {
        return new ValueText(engine.explainer(data, now));
    }

    public String of(ScoreResult r) {
        StringBuilder sb = new StringBuilder();
        r.groups().forEach((g, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(g).append(' ')
                .append(v.toPlainString()));
        sb.append(" -> ").append(r.value().toPlainString()).append(' ').append(r.status());
        if (explainer != null) {
            explainer.explain(r.record(), r.score()).ifPresent(e -> {
                appendRules(sb, e);
                // The adjustments in force, with author and reason: the history says who moved the value by hand.
                for (int i = 0; i < e.adjustments().size(); i++) {
                    sb.append(i == 0 ? "; adjustments: " : ", ").append(e.adjustments().get(i).describe());
                }
            });
        }
        return sb.toString();
    }

    private static void appendRules(StringBuilder sb, Explanation.ScoreExplanation e) {
        int named = 0;
        int more = 0;
        for (Explanation.GroupExplanation g : e.groups()) {
            for (Explanation.RuleExplanation rule : g.rules()) {
                if (!rule.matched() || rule.points() == null || rule.points().signum() == 0) {
                    continue;
                }
                if (named == RULES) {
                    more++;
                    continue;
                }
                sb.append(named == 0 ? "; rules: " : ", ").append("line ").append(rule.line()).append(' ')
                        .append(rule.rule()).append(' ').append(signed(rule.points()));
                named++;
            }
        }
        if (more > 0) {
            sb.append(" and ").append(more).append(" more");
        }
    }

    private static String signed(BigDecimal points) {
        String plain = points.stripTrailingZeros().toPlainString();
        return points.signum() > 0 ? "+" + plain : plain;
    }
}
