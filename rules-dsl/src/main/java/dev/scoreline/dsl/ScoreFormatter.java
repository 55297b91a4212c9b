package dev.scoreline.dsl;

import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Operand;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import dev.scoreline.dsl.internal.Lexer;
import dev.scoreline.dsl.internal.ConditionReader;
import dev.scoreline.dsl.model.SourcePosition;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints definitions as canonical {@code .score} text: what {@code scoreline fmt} writes and how
 * {@code explain} shows a rule. Parsing the text again gives an equal model.
 *
 * <p>Canonical form: two-space indentation (settings and groups under their score, group lines
 * under their group), settings in the order of the grammar, a blank line between scores and before
 * each group, points written as {@code add}/{@code subtract} with a positive number, numbers as
 * written (2.50 stays 2.50), the shortest unambiguous parentheses. On a rule line the cap, the
 * timeframe, {@code on associated …} and the rule's {@code limit} follow in that order; a sliding
 * scale carries its sign in the verb and leaves out {@code times 1}.
 */
public final class ScoreFormatter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ScoreFormatter() { }

    /** Every definition, separated by a blank line; ends with a newline. */
    public static String format(List<ScoreDefinition> definitions) {
        return format(definitions, List.of());
    }

    /**
     * Every definition, keeping the {@code #} comments of {@code originalText}, the text the
     * definitions were parsed from: a comment stays just above the score, status, group, decay or
     * rule line that followed it (a comment above another setting moves down to the next such
     * line), and a comment at the end of such a line stays at its end.
     */
    public static String format(List<ScoreDefinition> definitions, String originalText) {
        return format(definitions, Lexer.comments(originalText));
    }

    private static String format(List<ScoreDefinition> definitions, List<Lexer.Comment> comments) {
        Writer out = new Writer(comments);
        for (int i = 0; i < definitions.size(); i++) {
            if (i > 0) {
                out.blank();
            }
            write(definitions.get(i), out);
        }
        out.flushAll();
        return out.toString();
    }

    /** One score block, ending with a newline. */
    public static String format(ScoreDefinition d) {
        return format(List.of(d));
    }

    private static void write(ScoreDefinition d, Writer out) {
        out.line(0, "score " + formatString(d.name()) + " on " + d.objectType(), d.position());
        if (d.type() != null) {
            out.line(1, "type " + d.type().keyword(), null);
        }
        if (d.limit() != null) {
            out.line(1, "limit " + formatNumber(d.limit()), null);
        }
        if (d.minimum() != null) {
            out.line(1, "minimum " + formatNumber(d.minimum()), null);
        }
        if (!d.includeLists().isEmpty()) {
            out.line(1, "include lists " + strings(d.includeLists()), null);
        }
        if (!d.excludeLists().isEmpty()) {
            out.line(1, "exclude lists " + strings(d.excludeLists()), null);
        }
        for (StatusThreshold s : d.statuses()) {
            out.line(1, "status " + formatString(s.label()) + " from " + formatNumber(s.from()), s.position());
        }
        if (d.fitLevels() != null) {
            out.line(1, "fit " + formatLevels(d.fitLevels()), null);
        }
        if (d.engagementLevels() != null) {
            out.line(1, "engagement " + formatLevels(d.engagementLevels()), null);
        }
        if (d.property() != null) {
            out.line(1, "property " + d.property(), null);
        }
        if (d.statusProperty() != null) {
            out.line(1, "status property " + d.statusProperty(), null);
        }
        if (d.description() != null) {
            out.line(1, "description " + formatString(d.description()), null);
        }
        for (Group g : d.groups()) {
            out.blank();
            out.line(1, formatGroupHeader(g), g.position());
            if (g.decay() != null) {
                out.line(2, formatDecay(g.decay()), g.decay().position());
            }
            if (g.startAt() != null) {
                out.line(2, "start at " + formatNumber(g.startAt()), null);
            }
            for (Rule r : g.rules()) {
                out.line(2, formatRule(r), r.position());
            }
        }
    }

    /** Writes indented lines and puts the original comments back beside the lines they were written with. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder();
        private final Deque<Lexer.Comment> comments;

        Writer(List<Lexer.Comment> comments) {
            this.comments = new ArrayDeque<>(comments);
        }

        void blank() {
            out.append('\n');
        }

        /** A line; {@code from} is where its element was written, or null when that is not known. */
        void line(int depth, String text, SourcePosition from) {
            String indent = "  ".repeat(depth);
            String trailing = "";
            if (from != null && from.line() > 0) {
                while (!comments.isEmpty() && comments.peek().line() <= from.line()) {
                    Lexer.Comment c = comments.poll();
                    if (c.line() == from.line() && c.trailing()) {
                        trailing = " " + c.text();
                    } else {
                        out.append(indent).append(c.text()).append('\n');
                    }
                }
            }
            out.append(indent).append(text).append(trailing).append('\n');
        }

        void flushAll() {
            for (Lexer.Comment c : comments) {
                out.append(c.text()).append('\n');
            }
            comments.clear();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** {@code group "NAME" [fit|engagement] [limit L]}. */
    public static String formatGroupHeader(Group g) {
        StringBuilder out = new StringBuilder("group ").append(formatString(g.name()));
        if (g.kind() != null) {
            out.append(' ').append(g.kind().keyword());
        }
        if (g.limit() != null) {
            out.append(" limit ").append(formatNumber(g.limit()));
        }
        return out.toString();
    }

    public static String formatDecay(Decay decay) {
        return "decay " + formatNumber(decay.percent()) + "% every " + decay.everyMonths()
                + (decay.everyMonths() == 1 ? " month" : " months");
    }

    public static String formatLevels(Levels levels) {
        return "levels high from " + formatNumber(levels.high()) + ", medium from " + formatNumber(levels.medium());
    }

    /** One rule on one line, as it is written in a group. */
    public static String formatRule(Rule rule) {
        StringBuilder out = new StringBuilder();
        if (rule instanceof Rule.PropertyRule r) {
            String condition = formatCondition(r.condition());
            // After "if", a NAME followed by "where" or "occurs" starts an event: keep a property named so a property.
            boolean readsAsEvent = condition.matches("[^ (]+ (where|occurs)( .*)?");
            out.append(signed(r.points())).append(" if ").append(readsAsEvent ? "(" + condition + ")" : condition);
        } else if (rule instanceof Rule.PropertyPointsRule r) {
            out.append("points for ").append(r.property()).append(": ").append(formatValuePoints(r.points()));
        } else if (rule instanceof Rule.EventRule r) {
            out.append(signed(r.points())).append(" for each ").append(formatEvent(r.event()));
            cap(out, r.cap());
            timeframe(out, r.timeframe());
        } else if (rule instanceof Rule.EventPointsRule r) {
            out.append("points for each ").append(formatEvent(r.event())).append(" by ").append(r.property())
                    .append(": ").append(formatValuePoints(r.points()));
            cap(out, r.cap());
            timeframe(out, r.timeframe());
        } else if (rule instanceof Rule.FrequencyRule r) {
            out.append(signed(r.points())).append(" if ").append(formatEvent(r.event())).append(" occurs ")
                    .append(formatFrequency(r.frequency()));
            timeframe(out, r.timeframe());
        } else if (rule instanceof Rule.ValueRule r) {
            out.append(formatValueOf(r));
        } else if (rule instanceof Rule.CountRule r) {
            out.append(formatCountRule(r));
        }
        if (rule.association() != null && !(rule instanceof Rule.CountRule)) {
            out.append(' ').append(formatAssociation(rule.association()));
        }
        if (rule.limit() != null) {
            out.append(" limit ").append(formatNumber(rule.limit()));
        }
        return out.toString();
    }

    /** {@code add|subtract value of OPERAND [times F]}: the verb carries the factor's sign, and "times 1" goes unsaid. */
    private static String formatValueOf(Rule.ValueRule r) {
        boolean subtract = r.factor().signum() < 0;
        BigDecimal times = subtract ? r.factor().negate() : r.factor();
        String operand = r.operand() instanceof Operand.Score s ? "score " + formatString(s.score())
                : ((Operand.Property) r.operand()).name();
        return (subtract ? "subtract" : "add") + " value of " + operand
                + (times.equals(BigDecimal.ONE) ? "" : " times " + formatNumber(times));
    }

    /** {@code add|subtract P if COUNT associated T [labeled "L"] [where C] [with EVENT [timeframe]]}. */
    private static String formatCountRule(Rule.CountRule r) {
        AssociationClause a = r.association();
        StringBuilder out = new StringBuilder(signed(r.points())).append(" if ").append(formatCount(r.count()))
                .append(" associated ").append(a.objectType());
        if (a.label() != null) {
            out.append(" labeled ").append(formatString(a.label()));
        }
        if (a.where() != null) {
            out.append(" where ").append(formatCondition(a.where()));
        }
        if (r.with() != null) {
            out.append(" with ").append(formatEvent(r.with()));
            timeframe(out, r.timeframe());
        }
        return out.toString();
    }

    private static void cap(StringBuilder out, EventCap cap) {
        if (cap != null) {
            out.append(' ').append(formatCap(cap));
        }
    }

    /** {@code at most K per day|week|month}. */
    public static String formatCap(EventCap cap) {
        return "at most " + cap.count() + " per " + cap.period().keyword();
    }

    private static void timeframe(StringBuilder out, Timeframe t) {
        if (t != null) {
            out.append(' ').append(formatTimeframe(t));
        }
    }

    /** {@code add P} or {@code subtract P}: the sign is the verb, the number is never negative. */
    private static String signed(BigDecimal points) {
        return points.signum() < 0 ? "subtract " + formatNumber(points.negate()) : "add " + formatNumber(points);
    }

    public static String formatEvent(EventFilter event) {
        return event.where() == null ? event.type() : event.type() + " where " + formatCondition(event.where());
    }

    public static String formatValuePoints(List<ValuePoints> points) {
        return points.stream().map(vp -> formatValue(vp.value()) + " " + formatNumber(vp.points()))
                .collect(Collectors.joining(", "));
    }

    public static String formatFrequency(Frequency f) {
        int last = f.kind() == Frequency.Kind.BETWEEN ? f.b() : f.a();
        return formatCount(f) + (last == 1 ? " time" : " times");
    }

    /** {@code exactly n | at least n | at most n | between a and b}, without "times". */
    public static String formatCount(Frequency f) {
        return switch (f.kind()) {
            case EXACTLY -> "exactly " + f.a();
            case AT_LEAST -> "at least " + f.a();
            case AT_MOST -> "at most " + f.a();
            case BETWEEN -> "between " + f.a() + " and " + f.b();
        };
    }

    public static String formatTimeframe(Timeframe t) {
        if (t instanceof Timeframe.InTheLast l) {
            return "in the last " + l.amount() + " " + l.unit().keyword(l.amount());
        } else if (t instanceof Timeframe.Before b) {
            return "before " + formatDate(b.date());
        } else if (t instanceof Timeframe.After a) {
            return "after " + formatDate(a.date());
        } else if (t instanceof Timeframe.Since s) {
            return "since " + s.property();
        }
        Timeframe.Between b = (Timeframe.Between) t;
        return "between " + formatDate(b.from()) + " and " + formatDate(b.to());
    }

    public static String formatAssociation(AssociationClause a) {
        StringBuilder out = new StringBuilder("on associated ").append(a.objectType());
        if (a.label() != null) {
            out.append(" labeled ").append(formatString(a.label()));
        }
        if (a.where() != null) {
            out.append(" where ").append(formatCondition(a.where()));
        }
        if (a.aggregate() != null) {
            out.append(" aggregate ").append(a.aggregate().keyword());
        }
        return out.toString();
    }

    /**
     * A condition with the fewest parentheses that keep its shape: {@code and} binds tighter than
     * {@code or} and {@code not} tighter than both, so only an {@code or} inside an {@code and},
     * a chain nested in a chain of the same kind, and a chain or list test under {@code not} need them.
     */
    public static String formatCondition(Condition c) {
        if (c instanceof Condition.Or or) {
            return or.terms().stream().map(t -> t instanceof Condition.Or ? "(" + formatCondition(t) + ")" : formatCondition(t))
                    .collect(Collectors.joining(" or "));
        }
        if (c instanceof Condition.And and) {
            return and.terms().stream()
                    .map(t -> t instanceof Condition.Or || t instanceof Condition.And ? "(" + formatCondition(t) + ")"
                            : formatCondition(t))
                    .collect(Collectors.joining(" and "));
        }
        if (c instanceof Condition.Not not) {
            Condition t = not.term();
            // "not in list" would read back as the negated list test, a different model.
            // A property named like an operator ("not is 1") would make "not" read as the property.
            boolean wrap = t instanceof Condition.Or || t instanceof Condition.And
                    || t instanceof Condition.InList l && !l.negated()
                    || t instanceof Condition.Predicate p && ConditionReader.OPERATOR_WORDS.contains(p.property());
            return "not " + (wrap ? "(" + formatCondition(t) + ")" : formatCondition(t));
        }
        if (c instanceof Condition.InList l) {
            return (l.negated() ? "not in list " : "in list ") + formatString(l.list());
        }
        if (c instanceof Condition.ScoreTest s) {
            return "score " + formatString(s.score()) + " " + formatOperation(s.operator(), s.values(), null);
        }
        if (c instanceof Condition.StatusTest s) {
            return "status " + formatString(s.score()) + " " + formatOperation(s.operator(), s.values(), null);
        }
        Condition.Predicate p = (Condition.Predicate) c;
        return p.property() + " " + formatOperation(p.operator(), p.values(), p.unit());
    }

    /** A predicate's operator and values, as written after its NAME (or a referenced score's name). */
    private static String formatOperation(Condition.Operator operator, List<Value> v, TimeUnit unit) {
        return switch (operator) {
            case IS -> "is " + formatValue(v.get(0));
            case IS_NOT -> "is not " + formatValue(v.get(0));
            case ANY_OF -> "is any of " + values(v);
            case NONE_OF -> "is none of " + values(v);
            case CONTAINS -> "contains " + formatValue(v.get(0));
            case NOT_CONTAINS -> "does not contain " + formatValue(v.get(0));
            case CONTAINS_ANY_OF -> "contains any of " + values(v);
            case STARTS_WITH -> "starts with " + formatValue(v.get(0));
            case ENDS_WITH -> "ends with " + formatValue(v.get(0));
            case GREATER -> "> " + formatValue(v.get(0));
            case GREATER_OR_EQUAL -> ">= " + formatValue(v.get(0));
            case LESS -> "< " + formatValue(v.get(0));
            case LESS_OR_EQUAL -> "<= " + formatValue(v.get(0));
            case BETWEEN_NUMBERS, BETWEEN_DATES -> "is between " + formatValue(v.get(0)) + " and " + formatValue(v.get(1));
            case KNOWN -> "is known";
            case UNKNOWN -> "is unknown";
            case BEFORE -> "is before " + formatValue(v.get(0));
            case AFTER -> "is after " + formatValue(v.get(0));
            case IN_THE_LAST -> {
                BigDecimal n = ((Value.Number) v.get(0)).number();
                yield "is in the last " + n.toPlainString() + " " + unit.keyword(n.longValue());
            }
        };
    }

    private static String values(List<Value> values) {
        return values.stream().map(ScoreFormatter::formatValue).collect(Collectors.joining(", "));
    }

    private static String strings(List<String> strings) {
        return strings.stream().map(ScoreFormatter::formatString).collect(Collectors.joining(", "));
    }

    public static String formatValue(Value v) {
        if (v instanceof Value.Text t) {
            return formatString(t.text());
        } else if (v instanceof Value.Number n) {
            return formatNumber(n.number());
        } else if (v instanceof Value.Date d) {
            return formatDate(d.date());
        }
        return Boolean.toString(((Value.Bool) v).value());
    }

    /** A number as written: {@code 2.50} keeps its scale, never an exponent. */
    public static String formatNumber(BigDecimal n) {
        return n.toPlainString();
    }

    public static String formatDate(DateLiteral d) {
        return d.isDay() ? DAY.format(d.day()) : INSTANT.format(d.instant());
    }

    /** A STRING literal: in double quotes, with {@code \} and {@code "} escaped. */
    public static String formatString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
