package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.CapPeriod;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Operand;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the tokens of one logical line by recursive descent (section 3 of the language): the rule
 * forms here, conditions and values in {@link ConditionReader}, the shared expectations in
 * {@link TokenCursor}. Every method either returns what it read or throws {@link ParseFailure}:
 * the first problem of a line is its only error, so one mistake never produces a cascade.
 */
public final class LineReader extends ConditionReader {

    private static final List<String> AGGREGATES = List.of("sum", "average", "min", "max");
    private static final List<String> CAP_PERIODS = List.of("day", "week", "month");

    public LineReader(String source, List<Token> tokens) {
        super(source, tokens);
    }

    /** A whole rule line: {@code add|subtract …} or {@code points for …}, up to the end of the line. */
    public Rule rule() {
        Token first = next();
        SourcePosition at = position(first);
        Rule rule = first.isWord("points") ? pointsRule(at) : signedRule(first, at);
        end("the rule");
        return rule;
    }

    /** {@code points for PROP: …} or {@code points for each EVENT by PROP: … [cap] [timeframe]}. */
    private Rule pointsRule(SourcePosition at) {
        word("for", " after \"points\"");
        if (atWord("each") && !(peek(1) != null && peek(1).isSymbol(":"))) {
            next();
            EventFilter event = event();
            word("by", " and the event property whose values score (points for each EVENT by PROPERTY: …)");
            String property = name("an event property after \"by\"");
            List<ValuePoints> points = valuePoints();
            EventCap cap = optionalCap();
            Timeframe timeframe = timeframeAfterCap(cap);
            AssociationClause association = optionalAssociation(false);
            return new Rule.EventPointsRule(event, property, points, cap, timeframe, association, optionalLimit(), at);
        }
        String property = name("a property after \"points for\"");
        List<ValuePoints> points = valuePoints();
        rejectCap("a \"points for\" rule");
        AssociationClause association = optionalAssociation(false);
        return new Rule.PropertyPointsRule(property, points, association, optionalLimit(), at);
    }

    /** The rules that start with {@code add} or {@code subtract}. */
    private Rule signedRule(Token verb, SourcePosition at) {
        boolean subtract = verb.isWord("subtract");
        if (atWord("value") && atWord(1, "of")) {
            return valueRule(subtract, at);
        }
        BigDecimal number = number("the points after \"" + verb.text() + "\"");
        BigDecimal points = subtract ? number.negate() : number;
        if (atWord("for")) {
            next();
            word("each", " after \"for\" (add P for each EVENT)");
            EventFilter event = event();
            EventCap cap = optionalCap();
            Timeframe timeframe = timeframeAfterCap(cap);
            AssociationClause association = optionalAssociation(false);
            return new Rule.EventRule(points, event, cap, timeframe, association, optionalLimit(), at);
        }
        if (!atWord("if")) {
            throw unexpected("\"if\" or \"for each\" after the points", List.of("if", "for"));
        }
        next();
        if (atKind(0, Kind.WORD) && (atWord(1, "where") || atWord(1, "occurs"))) {
            EventFilter event = event();
            word("occurs", " after the event's condition (add P if EVENT where … occurs …)");
            Frequency frequency = count("\"occurs\"", " times");
            if (!atWord("time") && !atWord("times")) {
                throw unexpected("\"times\" after the count", List.of("times", "time"));
            }
            next();
            Timeframe timeframe = optionalTimeframe();
            rejectCap("a frequency rule (its count already counts every matching event)");
            AssociationClause association = optionalAssociation(true);
            return new Rule.FrequencyRule(points, event, frequency, timeframe, association, optionalLimit(), at);
        }
        if (atCount()) {
            return countRule(points, at);
        }
        Condition condition = condition();
        rejectCap("a property rule");
        AssociationClause association = optionalAssociation(false);
        return new Rule.PropertyRule(points, condition, association, optionalLimit(), at);
    }

    /** {@code value of PROP|score "NAME" [times F] [assoc]}; the verb's sign goes into the factor. */
    private Rule valueRule(boolean subtract, SourcePosition at) {
        next();
        next();
        Operand operand;
        if (atWord("score") && atKind(1, Kind.STRING)) {
            next();
            Token nameToken = peek();
            operand = new Operand.Score(string("the score's name"), position(nameToken));
        } else {
            operand = new Operand.Property(name("a property after \"value of\" (add value of PROPERTY)"));
        }
        BigDecimal factor = BigDecimal.ONE;
        if (atWord("times")) {
            next();
            factor = number("the factor after \"times\"");
        }
        rejectCap("a \"value of\" rule");
        AssociationClause association = optionalAssociation(false);
        return new Rule.ValueRule(subtract ? factor.negate() : factor, operand, association, optionalLimit(), at);
    }

    /** After {@code if}: a count of associated records starts a count rule (section 3). */
    private boolean atCount() {
        return atWord("at") && (atWord(1, "least") || atWord(1, "most")) && atKind(2, Kind.NUMBER)
                || (atWord("exactly") || atWord("between")) && atKind(1, Kind.NUMBER);
    }

    /** What follows "associated" in a count rule and an association clause alike: the records' type, label and filter. */
    private record Associated(String type, String label, Condition where) { }

    /** {@code TYPE [labeled "L"] [where C]}. */
    private Associated associatedRecords() {
        String type = name("the associated object type");
        String label = null;
        if (atWord("labeled")) {
            next();
            label = string("the association label");
        }
        Condition where = null;
        if (atWord("where")) {
            next();
            where = condition();
        }
        return new Associated(type, label, where);
    }

    /** {@code COUNT associated T [labeled "L"] [where C] [with EVENT [timeframe]]}. */
    private Rule countRule(BigDecimal points, SourcePosition at) {
        Frequency count = count("\"if\"", "");
        word("associated", " after the count (add P if at least 2 associated contact)");
        Associated associated = associatedRecords();
        String type = associated.type();
        String label = associated.label();
        Condition where = associated.where();
        EventFilter with = null;
        Timeframe timeframe = null;
        if (atWord("with")) {
            next();
            with = event();
            timeframe = optionalTimeframe();
        } else if (startsTimeframe()) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, peek(),
                    "a count rule's timeframe belongs to the event its records must own",
                    "write \"with EVENT\" before it: … associated " + type + " with meeting_completed in the last 30 days");
        }
        rejectCap("a count rule (it counts records, not events)");
        if (atWord("aggregate")) {
            Token keyword = peek();
            String aggregate = aggregate().keyword();
            throw new ParseFailure(DiagnosticCode.AGGREGATE_ON_COUNT, keyword,
                    "\"aggregate\" is not allowed on a count rule: it counts the associated records",
                    "remove \"aggregate " + aggregate + "\"");
        }
        if (atWord("on") && atWord(1, "associated")) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, peek(),
                    "a count rule already reads associated records: \"associated " + type + "\" after the count",
                    "remove \"on associated …\"; put its condition in the count rule's \"where\"");
        }
        return new Rule.CountRule(points, count, new AssociationClause(type, label, where, null), with, timeframe,
                optionalLimit(), at);
    }

    private EventFilter event() {
        String type = name("an event type");
        Condition where = null;
        if (atWord("where")) {
            next();
            where = condition();
        }
        return new EventFilter(type, where);
    }

    private List<ValuePoints> valuePoints() {
        symbol(":", " before the values and their points");
        List<ValuePoints> list = new ArrayList<>();
        do {
            Value v = value();
            list.add(new ValuePoints(v, number("the points of " + v + " (value POINTS, value POINTS, …)")));
        } while (comma());
        return list;
    }

    /**
     * {@code exactly n | at least n | at most n | between a and b}, as frequencies and count rules
     * write it; {@code noun} follows the range in the message of an empty one.
     */
    private Frequency count(String after, String noun) {
        if (atWord("exactly")) {
            next();
            return new Frequency(Frequency.Kind.EXACTLY, wholeNumber("the count", 0), 0);
        }
        if (atWord("at") && (atWord(1, "least") || atWord(1, "most"))) {
            next();
            boolean least = next().isWord("least");
            return new Frequency(least ? Frequency.Kind.AT_LEAST : Frequency.Kind.AT_MOST, wholeNumber("the count", 0), 0);
        }
        if (atWord("between")) {
            next();
            int a = wholeNumber("the count", 0);
            word("and", " between the two counts");
            Token bToken = peek();
            int b = wholeNumber("the count", 0);
            if (b < a) {
                throw emptyRange(bToken, "between " + a + " and " + b + noun);
            }
            return new Frequency(Frequency.Kind.BETWEEN, a, b);
        }
        throw unexpected("\"exactly\", \"at least\", \"at most\" or \"between\" after " + after,
                List.of("exactly", "at", "between"));
    }

    // ---- caps, timeframes, limits --------------------------------------------------------------

    private boolean atCap() {
        return atWord("at") && atWord(1, "most");
    }

    /** {@code at most K per day|week|month}, or null. */
    private EventCap optionalCap() {
        if (!atCap()) {
            return null;
        }
        next();
        next();
        int count = wholeNumber("the cap", 1);
        word("per", " after the cap (at most 3 per day)");
        Token t = peek();
        if (t != null && t.kind() == Kind.WORD && CAP_PERIODS.contains(t.text())) {
            next();
            return new EventCap(count, CapPeriod.valueOf(t.text().toUpperCase(Locale.ROOT)));
        }
        if (t != null && t.kind() == Kind.WORD) {
            throw new ParseFailure(DiagnosticCode.UNKNOWN_UNIT, t, "a cap counts per day, week or month, not " + t.describe(),
                    Suggestions.nearest(t.text(), CAP_PERIODS).map(Suggestions::didYouMean)
                            .orElse("write at most " + count + " per day, per week or per month"));
        }
        throw unexpected("day, week or month after \"per\"", CAP_PERIODS);
    }

    /** A cap where the rule cannot have one: the error names the cap to remove. */
    private void rejectCap(String rule) {
        if (!atCap()) {
            return;
        }
        Token at = peek();
        EventCap cap = optionalCap();
        throw new ParseFailure(DiagnosticCode.CAP_NOT_ALLOWED, at,
                "a cap is not allowed on " + rule + "; only \"for each\" and \"points for each … by\" rules take one",
                "remove \"at most " + cap.count() + " per " + cap.period().keyword() + "\"");
    }

    /** The timeframe of a rule that may have a cap: a cap written after the timeframe is out of order. */
    private Timeframe timeframeAfterCap(EventCap cap) {
        Timeframe timeframe = optionalTimeframe();
        if (timeframe != null && cap == null && atCap()) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, peek(),
                    "the cap comes before the timeframe", "write it as … at most 3 per day in the last 7 days");
        }
        return timeframe;
    }

    private boolean startsTimeframe() {
        return atWord("in") && (atWord(1, "the") || atWord(1, "last")) || atWord("before") || atWord("after")
                || atWord("since") || atWord("between") && atKind(1, Kind.DATE);
    }

    private Timeframe optionalTimeframe() {
        if (atWord("in") && (atWord(1, "the") || atWord(1, "last"))) {
            next();
            rejectInLast();
            next();
            word("last", " (in the last N days)");
            int amount = wholeNumber("the number of " + "units", 1);
            return new Timeframe.InTheLast(amount, unit());
        }
        if (atWord("since")) {
            next();
            if (atKind(0, Kind.DATE)) {
                throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, peek(),
                        "\"since\" reads a date property of the scored record (since recycled_at), not a date",
                        "for a fixed date write \"after\" and the day before it, or \"between\" two dates");
            }
            return new Timeframe.Since(name("a date property after \"since\" (since recycled_at)"));
        }
        if (atWord("before")) {
            next();
            return new Timeframe.Before(date("a date after \"before\""));
        }
        if (atWord("after")) {
            next();
            return new Timeframe.After(date("a date after \"after\""));
        }
        if (atWord("between")) {
            next();
            DateLiteral from = date("a date after \"between\"");
            word("and", " between the two dates");
            Token toToken = peek();
            DateLiteral to = date("a date after \"and\"");
            if (to.start().isBefore(from.start())) {
                throw emptyRange(toToken, "between " + from + " and " + to);
            }
            return new Timeframe.Between(from, to);
        }
        return null;
    }

    /** {@code limit L} at the end of a rule (section 8.0), or null; L must be above 0. */
    private BigDecimal optionalLimit() {
        if (!atWord("limit")) {
            return null;
        }
        next();
        Token t = numberToken("a number after \"limit\"");
        BigDecimal limit = (BigDecimal) t.value();
        if (limit.signum() <= 0) {
            throw new ParseFailure(DiagnosticCode.RULE_LIMIT_NOT_POSITIVE, t,
                    "a rule's limit must be greater than 0, not " + t.text(),
                    limit.signum() < 0 ? "write limit " + t.text().substring(1) + " (the rule's points are kept between -L and L)"
                            : "write a limit above 0, or remove \"limit 0\"");
        }
        if (atWord("on") && atWord(1, "associated")) {
            throw new ParseFailure(DiagnosticCode.TRAILING_TOKENS, peek(),
                    "unexpected \"on\" after the rule's limit", "write \"limit " + t.text() + "\" at the very end of the rule");
        }
        return limit;
    }

    // ---- associations -----------------------------------------------------------------------

    /** {@code on associated T [labeled "L"] [where C] [aggregate A]}, or a misplaced {@code aggregate}. */
    private AssociationClause optionalAssociation(boolean frequencyRule) {
        if (atWord("aggregate")) {
            Token aggregateToken = peek();
            aggregate(frequencyRule);
            throw new ParseFailure(DiagnosticCode.AGGREGATE_WITHOUT_ASSOCIATION, aggregateToken,
                    "\"aggregate\" applies only to rules \"on associated\" records",
                    "add \"on associated TYPE\" before it, or remove it");
        }
        if (!atWord("on")) {
            return null;
        }
        next();
        word("associated", " after \"on\" (on associated TYPE)");
        Associated associated = associatedRecords();
        String type = associated.type();
        String label = associated.label();
        Condition where = associated.where();
        Aggregate aggregate = atWord("aggregate") ? aggregate(frequencyRule) : null;
        return new AssociationClause(type, label, where, aggregate);
    }

    private Aggregate aggregate(boolean frequencyRule) {
        Token keyword = peek();
        Aggregate aggregate = aggregate();
        if (frequencyRule) {
            throw new ParseFailure(DiagnosticCode.AGGREGATE_ON_FREQUENCY, keyword,
                    "\"aggregate\" is not allowed on a frequency rule: its count pools the events of all associated records",
                    "remove \"aggregate " + aggregate.keyword() + "\"");
        }
        return aggregate;
    }

    /** {@code aggregate sum|average|min|max}. */
    private Aggregate aggregate() {
        next();
        Token t = peek();
        if (t != null && t.kind() == Kind.WORD && AGGREGATES.contains(t.text())) {
            next();
            return Aggregate.valueOf(t.text().toUpperCase(Locale.ROOT));
        }
        if (t != null && t.kind() == Kind.WORD) {
            throw new ParseFailure(DiagnosticCode.UNKNOWN_AGGREGATE, t, "unknown aggregate " + t.describe(),
                    Suggestions.nearest(t.text(), AGGREGATES).map(Suggestions::didYouMean)
                            .orElse("use sum, average, min or max"));
        }
        throw unexpected("sum, average, min or max after \"aggregate\"", AGGREGATES);
    }
}
