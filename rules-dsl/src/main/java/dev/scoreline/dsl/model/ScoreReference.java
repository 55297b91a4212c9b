package dev.scoreline.dsl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One place where a score reads another score (language.md section 7a): a {@code score "NAME"}
 * predicate or {@code value of score "NAME"} ({@link Kind#VALUE}), or a {@code status "NAME"}
 * predicate ({@link Kind#STATUS}). {@code objectType} is the type of the record it reads, as
 * written: the scored record's type, or T when the reference sits in a rule {@code on associated T}
 * or a count rule over T ({@code associated} is then true). A reference in an event's {@code where}
 * reads the record that owns the event, so it follows the same rule. {@code position} is where the
 * name's string was written.
 *
 * <p>The validator checks references with this, and the engine orders scores by it: one walk of a
 * definition serves both.
 */
public record ScoreReference(String score, Kind kind, String objectType, boolean associated,
                             SourcePosition position) {

    public enum Kind { VALUE, STATUS }

    /** Every reference of a definition, in the order written. */
    public static List<ScoreReference> of(ScoreDefinition definition) {
        List<ScoreReference> out = new ArrayList<>();
        for (Group g : definition.groups()) {
            out.addAll(of(definition.objectType(), g.rules()));
        }
        return out;
    }

    /** Every reference of {@code rules}, written in a score on {@code scoredType}, in the order written. */
    public static List<ScoreReference> of(String scoredType, List<Rule> rules) {
        List<ScoreReference> out = new ArrayList<>();
        for (Rule rule : rules) {
            AssociationClause a = rule.association();
            boolean associated = a != null;
            String type = associated ? a.objectType() : scoredType;
            if (rule instanceof Rule.PropertyRule r) {
                walk(r.condition(), type, associated, out);
            } else if (rule instanceof Rule.ValueRule r && r.operand() instanceof Operand.Score s) {
                out.add(new ScoreReference(s.score(), Kind.VALUE, type, associated, s.position()));
            } else if (rule instanceof Rule.EventRule r) {
                walk(r.event().where(), type, associated, out);
            } else if (rule instanceof Rule.EventPointsRule r) {
                walk(r.event().where(), type, associated, out);
            } else if (rule instanceof Rule.FrequencyRule r) {
                walk(r.event().where(), type, associated, out);
            }
            if (associated) {
                walk(a.where(), type, true, out);
            }
            if (rule instanceof Rule.CountRule r && r.with() != null) {
                walk(r.with().where(), type, true, out);
            }
        }
        return out;
    }

    private static void walk(Condition c, String type, boolean associated, List<ScoreReference> out) {
        if (c instanceof Condition.Or or) {
            or.terms().forEach(t -> walk(t, type, associated, out));
        } else if (c instanceof Condition.And and) {
            and.terms().forEach(t -> walk(t, type, associated, out));
        } else if (c instanceof Condition.Not not) {
            walk(not.term(), type, associated, out);
        } else if (c instanceof Condition.ScoreTest s) {
            out.add(new ScoreReference(s.score(), Kind.VALUE, type, associated, s.position()));
        } else if (c instanceof Condition.StatusTest s) {
            out.add(new ScoreReference(s.score(), Kind.STATUS, type, associated, s.position()));
        }
    }
}
