package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.engine.internal.compile.References;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordShape;
import java.util.ArrayList;
import java.util.List;

/**
 * What an explanation shows of a record for one rule: only the values that rule read, each with
 * what the rule needs of it ({@code weekly_active_users = 9, needs ≥ 50}), not the record's
 * whole property map.
 */
final class ReadValues {

    private ReadValues() { }

    static String of(Rule rule, RecordShape shape) {
        List<String> parts = new ArrayList<>();
        if (rule instanceof Rule.PropertyRule p) {
            collect(p.condition(), shape, parts);
        } else if (rule instanceof Rule.PropertyPointsRule p) {
            parts.add(p.property() + " = " + value(shape, p.property()));
        } else if (rule instanceof Rule.ValueRule v && v.operand() instanceof dev.scoreline.dsl.model.Operand.Property p) {
            parts.add(p.name() + " = " + value(shape, p.name()));
        }
        return parts.isEmpty() ? "no property the rule reads" : String.join("; ", parts);
    }

    private static void collect(Condition c, RecordShape shape, List<String> parts) {
        if (c instanceof Condition.Or or) {
            or.terms().forEach(t -> collect(t, shape, parts));
        } else if (c instanceof Condition.And and) {
            and.terms().forEach(t -> collect(t, shape, parts));
        } else if (c instanceof Condition.Not not) {
            collect(not.term(), shape, parts);
        } else if (c instanceof Condition.InList l) {
            boolean in = shape.lists().contains(DataValue.fold(l.list()));
            parts.add((in ? "in" : "not in") + " list " + ScoreFormatter.formatString(l.list()) + ", needs "
                    + (l.negated() ? "not in it" : "in it"));
        } else if (c instanceof Condition.Predicate p && !References.isReference(DataValue.fold(p.property()))) {
            // a score or status read is shown with its value by ScoreReferences#valuesRead
            String needs = ScoreFormatter.formatCondition(p).substring(p.property().length()).strip()
                    .replace(">= ", "≥ ").replace("<= ", "≤ ");
            String read = p.property() + " = " + value(shape, p.property()) + ", needs " + needs;
            if (!parts.contains(read)) {
                parts.add(read);
            }
        }
    }

    private static String value(RecordShape shape, String property) {
        DataValue v = shape.values().get(DataValue.fold(property));
        return v == null || v.isUnknown() ? "unknown" : v.toString();
    }
}
