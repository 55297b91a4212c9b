package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tokens of one logical line by recursive descent (section 3 of the language). Every
 * method either returns what it read or throws {@link ParseFailure}: the first problem of a line
 * is its only error, so one mistake never produces a cascade.
 */
public final class LineReader {

    /** The words a rule's condition may continue with after a predicate's NAME. */
    public static final List<String> OPERATOR_WORDS = List.of("is", "contains", "does", "starts", "ends", "occurs");
    private static final List<String> COMPARISONS = List.of(">", ">=", "<", "<=");
    private static final List<String> AFTER_IS = List.of("not", "any", "none", "greater", "less", "at", "between",
            "known", "unknown", "before", "after", "in", "true", "false");
    private static final List<String> UNITS = List.of("days", "day", "weeks", "week", "months", "month", "years", "year");
    private static final List<String> AGGREGATES = List.of("sum", "average", "min", "max");
    /** Operators of other languages that people write, and what this one calls them. */
    private static final Map<String, String> OPERATOR_SYNONYMS = new LinkedHashMap<>();

    static {
        for (String s : List.of("equals", "equal", "eq", "=", "==", "===", "matches", "was", "are")) {
            OPERATOR_SYNONYMS.put(s, "is");
        }
        for (String s : List.of("!=", "<>", "!==", "ne", "isnt", "isnot")) {
            OPERATOR_SYNONYMS.put(s, "is not");
        }
        for (String s : List.of("contain", "has", "includes", "include", "like")) {
            OPERATOR_SYNONYMS.put(s, "contains");
        }
        OPERATOR_SYNONYMS.put("in", "is any of");
        OPERATOR_SYNONYMS.put("startswith", "starts with");
        OPERATOR_SYNONYMS.put("endswith", "ends with");
        OPERATOR_SYNONYMS.put("gt", ">");
        OPERATOR_SYNONYMS.put("gte", ">=");
        OPERATOR_SYNONYMS.put("ge", ">=");
        OPERATOR_SYNONYMS.put("=>", ">=");
        OPERATOR_SYNONYMS.put("lt", "<");
        OPERATOR_SYNONYMS.put("lte", "<=");
        OPERATOR_SYNONYMS.put("le", "<=");
        OPERATOR_SYNONYMS.put("=<", "<=");
    }

    /** Parentheses and nots deeper than this are refused, so no text can exhaust the stack. */
    static final int MAX_NESTING = 100;

    private final String source;
    private final List<Token> tokens;
    private int pos;
    private int nesting;

    public LineReader(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    // ---- cursor ---------------------------------------------------------------------------

    public Token peek() {
        return peek(0);
    }

    public Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    public boolean atEnd() {
        return pos >= tokens.size();
    }

    public boolean atWord(String word) {
        return atWord(0, word);
    }

    public boolean atWord(int ahead, String word) {
        Token t = peek(ahead);
        return t != null && t.isWord(word);
    }

    public boolean atSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    public Token next() {
        return tokens.get(pos++);
    }

    public SourcePosition position(Token t) {
        return new SourcePosition(source, t.line(), t.column());
    }

    /** How a message names the current token. */
    private String found() {
        return atEnd() ? "the end of the line" : peek().describe();
    }

    // ---- expectations ---------------------------------------------------------------------

    public ParseFailure unexpected(String expected, List<String> keywords) {
        Token t = peek();
        String fix = null;
        if (t != null && (t.kind() == Kind.WORD || t.kind() == Kind.SYMBOL)) {
            fix = Suggestions.nearest(t.text(), keywords).map(Suggestions::didYouMean).orElse(null);
        }
        return new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t, "expected " + expected + ", found " + found(), fix);
    }

    public Token word(String word, String where) {
        if (!atWord(word)) {
            throw unexpected("\"" + word + "\"" + where, List.of(word));
        }
        return next();
    }

    public void symbol(String symbol, String where) {
        if (!atSymbol(symbol)) {
            throw unexpected("\"" + symbol + "\"" + where, List.of(symbol));
        }
        next();
    }

    /** A STRING; {@code what} names it in the message ("the score's name"). */
    public String string(String what) {
        Token t = peek();
        if (t == null || t.kind() != Kind.STRING) {
            String fix = t != null && (t.kind() == Kind.WORD || t.kind() == Kind.NUMBER)
                    ? "put it between double quotes: \"" + t.text() + "\"" : null;
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                    "expected " + what + " in double quotes, found " + found(), fix);
        }
        next();
        return (String) t.value();
    }

    public String name(String what) {
        Token t = peek();
        if (t == null || t.kind() != Kind.WORD) {
            String fix = t != null && t.kind() == Kind.STRING && Lexer.isName((String) t.value())
                    ? "write it without quotes: " + t.value()
                    : "write a name of letters, digits, _, . and - that starts with a letter or _, such as email_open";
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t, "expected " + what + ", found " + found(), fix);
        }
        return next().text();
    }

    public BigDecimal number(String what) {
        Token t = peek();
        if (t == null || t.kind() != Kind.NUMBER) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t, "expected " + what + ", found " + found(),
                    "write a number such as 10, 2.5 or -3");
        }
        next();
        return (BigDecimal) t.value();
    }

    public Token numberToken(String what) {
        Token t = peek();
        number(what);
        return t;
    }

    /** A whole number of at least {@code min} (INT of the grammar). */
    public int wholeNumber(String what, int min) {
        Token t = peek();
        BigDecimal n = number(what);
        boolean whole = n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0;
        if (!whole || t.text().contains(".") || n.compareTo(BigDecimal.valueOf(min)) < 0
                || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new ParseFailure(DiagnosticCode.NOT_A_WHOLE_NUMBER, t,
                    what + " must be a whole number of " + min + " or more, not " + t.text(),
                    "write a number like " + Math.max(min, 1));
        }
        return n.intValueExact();
    }

    public DateLiteral date(String what) {
        Token t = peek();
        if (t == null || t.kind() != Kind.DATE) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t, "expected " + what + ", found " + found(),
                    "write a date like 2026-01-31 or 2026-01-31T12:00:00Z");
        }
        next();
        return (DateLiteral) t.value();
    }

    public void end(String statement) {
        if (!atEnd()) {
            throw new ParseFailure(DiagnosticCode.TRAILING_TOKENS, peek(),
                    "unexpected " + found() + " after the end of " + statement, "remove it or start a new line");
        }
    }

    // ---- rules ----------------------------------------------------------------------------

    /** A whole rule line: {@code add|subtract …} or {@code points for …}, up to the end of the line. */
    public Rule rule() {
        Token first = next();
        SourcePosition at = position(first);
        Rule rule;
        if (first.isWord("points")) {
            word("for", " after \"points\"");
            if (atWord("each") && !(peek(1) != null && peek(1).isSymbol(":"))) {
                next();
                EventFilter event = event();
                word("by", " and the event property whose values score (points for each EVENT by PROPERTY: …)");
                String property = name("an event property after \"by\"");
                List<ValuePoints> points = valuePoints();
                Timeframe timeframe = optionalTimeframe();
                rule = new Rule.EventPointsRule(event, property, points, null, timeframe, optionalAssociation(false), null, at);
            } else {
                String property = name("a property after \"points for\"");
                List<ValuePoints> points = valuePoints();
                rule = new Rule.PropertyPointsRule(property, points, optionalAssociation(false), null, at);
            }
        } else {
            BigDecimal points = number("the points after \"" + first.text() + "\"");
            if (first.isWord("subtract")) {
                points = points.negate();
            }
            if (atWord("for")) {
                next();
                word("each", " after \"for\" (add P for each EVENT)");
                EventFilter event = event();
                Timeframe timeframe = optionalTimeframe();
                rule = new Rule.EventRule(points, event, null, timeframe, optionalAssociation(false), null, at);
            } else if (atWord("if")) {
                next();
                if (peek() != null && peek().kind() == Kind.WORD && (atWord(1, "where") || atWord(1, "occurs"))) {
                    EventFilter event = event();
                    word("occurs", " after the event's condition (add P if EVENT where … occurs …)");
                    Frequency frequency = frequency();
                    Timeframe timeframe = optionalTimeframe();
                    rule = new Rule.FrequencyRule(points, event, frequency, timeframe, optionalAssociation(true), null, at);
                } else {
                    Condition condition = condition();
                    rule = new Rule.PropertyRule(points, condition, optionalAssociation(false), null, at);
                }
            } else {
                throw unexpected("\"if\" or \"for each\" after the points", List.of("if", "for"));
            }
        }
        end("the rule");
        return rule;
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

    private boolean comma() {
        if (atSymbol(",")) {
            next();
            return true;
        }
        return false;
    }

    private Frequency frequency() {
        Frequency f;
        if (atWord("exactly")) {
            next();
            f = new Frequency(Frequency.Kind.EXACTLY, wholeNumber("the count", 0), 0);
        } else if (atWord("at") && (atWord(1, "least") || atWord(1, "most"))) {
            next();
            boolean least = next().isWord("least");
            f = new Frequency(least ? Frequency.Kind.AT_LEAST : Frequency.Kind.AT_MOST, wholeNumber("the count", 0), 0);
        } else if (atWord("between")) {
            next();
            int a = wholeNumber("the count", 0);
            word("and", " between the two counts");
            Token bToken = peek();
            int b = wholeNumber("the count", 0);
            if (b < a) {
                throw emptyRange(bToken, "between " + a + " and " + b + " times");
            }
            f = new Frequency(Frequency.Kind.BETWEEN, a, b);
        } else {
            throw unexpected("\"exactly\", \"at least\", \"at most\" or \"between\" after \"occurs\"",
                    List.of("exactly", "at", "between"));
        }
        if (!atWord("time") && !atWord("times")) {
            throw unexpected("\"times\" after the count", List.of("times", "time"));
        }
        next();
        return f;
    }

    private static ParseFailure emptyRange(Token at, String what) {
        return new ParseFailure(DiagnosticCode.EMPTY_RANGE, at, "\"" + what + "\" never holds: the second bound is below the first",
                "swap the two bounds");
    }

    private Timeframe optionalTimeframe() {
        if (atWord("in") && atWord(1, "the")) {
            next();
            next();
            word("last", " (in the last N days)");
            int amount = wholeNumber("the number of " + "units", 1);
            return new Timeframe.InTheLast(amount, unit());
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

    private TimeUnit unit() {
        Token t = peek();
        if (t != null && t.kind() == Kind.WORD && UNITS.contains(t.text())) {
            next();
            String u = t.text().endsWith("s") ? t.text().substring(0, t.text().length() - 1) : t.text();
            return TimeUnit.valueOf(u.toUpperCase(java.util.Locale.ROOT));
        }
        if (t != null && t.kind() == Kind.WORD) {
            throw new ParseFailure(DiagnosticCode.UNKNOWN_UNIT, t, "unknown time unit " + t.describe(),
                    Suggestions.nearest(t.text(), UNITS).map(Suggestions::didYouMean)
                            .orElse("use days, weeks, months or years"));
        }
        throw unexpected("a time unit (days, weeks, months or years)", UNITS);
    }

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
        Aggregate aggregate = atWord("aggregate") ? aggregate(frequencyRule) : null;
        return new AssociationClause(type, label, where, aggregate);
    }

    private Aggregate aggregate(boolean frequencyRule) {
        Token keyword = next();
        Token t = peek();
        Aggregate aggregate;
        if (t != null && t.kind() == Kind.WORD && AGGREGATES.contains(t.text())) {
            next();
            aggregate = Aggregate.valueOf(t.text().toUpperCase(java.util.Locale.ROOT));
        } else if (t != null && t.kind() == Kind.WORD) {
            throw new ParseFailure(DiagnosticCode.UNKNOWN_AGGREGATE, t, "unknown aggregate " + t.describe(),
                    Suggestions.nearest(t.text(), AGGREGATES).map(Suggestions::didYouMean)
                            .orElse("use sum, average, min or max"));
        } else {
            throw unexpected("sum, average, min or max after \"aggregate\"", AGGREGATES);
        }
        if (frequencyRule) {
            throw new ParseFailure(DiagnosticCode.AGGREGATE_ON_FREQUENCY, keyword,
                    "\"aggregate\" is not allowed on a frequency rule: its count pools the events of all associated records",
                    "remove \"aggregate " + t.text() + "\"");
        }
        return aggregate;
    }

    // ---- conditions -----------------------------------------------------------------------

    /** {@code conj {or conj}}; a chain of one term is the term itself. */
    public Condition condition() {
        List<Condition> terms = new ArrayList<>();
        terms.add(conjunction());
        while (atWord("or")) {
            next();
            terms.add(conjunction());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
    }

    private Condition conjunction() {
        List<Condition> terms = new ArrayList<>();
        terms.add(term());
        while (atWord("and")) {
            next();
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.And(terms);
    }

    private Condition term() {
        Token t = peek();
        if (++nesting > MAX_NESTING) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                    "the condition nests more than " + MAX_NESTING + " parentheses or nots deep", "simplify the condition");
        }
        try {
            return nestedTerm(t);
        } finally {
            nesting--;
        }
    }

    private Condition nestedTerm(Token t) {
        if (t != null && t.isSymbol("(")) {
            next();
            Condition inner = condition();
            if (!atSymbol(")")) {
                throw unexpected("\")\" to close the \"(\" at column " + t.column() + " or \"and\"/\"or\"",
                        List.of(")", "and", "or"));
            }
            next();
            return inner;
        }
        if (t != null && t.isWord("not") && !startsOperator(1)) {
            next();
            if (atWord("in") && atWord(1, "list")) {
                next();
                next();
                return new Condition.InList(string("the list name"), true, position(t));
            }
            return new Condition.Not(term());
        }
        if (t != null && t.isWord("in") && atWord(1, "list")) {
            next();
            next();
            return new Condition.InList(string("the list name"), false, position(t));
        }
        if (t == null || t.kind() != Kind.WORD) {
            String fix = t != null && t.kind() == Kind.STRING && Lexer.isName((String) t.value())
                    ? "write the property without quotes: " + t.value() : null;
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                    "expected a condition (like industry is \"Software\"), found " + found(), fix);
        }
        return predicate();
    }

    /** True when the token {@code ahead} starts an operator, so a {@code not} before it is a property name. */
    private boolean startsOperator(int ahead) {
        Token t = peek(ahead);
        return t != null && (t.kind() == Kind.WORD && OPERATOR_WORDS.contains(t.text())
                || t.kind() == Kind.SYMBOL && COMPARISONS.contains(t.text()));
    }

    private Condition predicate() {
        Token nameToken = next();
        String property = nameToken.text();
        SourcePosition at = position(nameToken);
        Token op = peek();
        if (op == null) {
            throw unexpected("an operator after " + nameToken.describe() + " (is, contains, >, …)", List.of());
        }
        if (op.kind() == Kind.SYMBOL && COMPARISONS.contains(op.text())) {
            next();
            Operator operator = switch (op.text()) {
                case ">" -> Operator.GREATER;
                case ">=" -> Operator.GREATER_OR_EQUAL;
                case "<" -> Operator.LESS;
                default -> Operator.LESS_OR_EQUAL;
            };
            return predicate(property, operator, List.of(numberValue()), at);
        }
        if (op.isWord("is")) {
            next();
            return afterIs(property, at);
        }
        if (op.isWord("contains")) {
            next();
            if (atWord("any") && atWord(1, "of")) {
                next();
                next();
                return predicate(property, Operator.CONTAINS_ANY_OF, strings(), at);
            }
            return predicate(property, Operator.CONTAINS, List.of(stringValue()), at);
        }
        if (op.isWord("does")) {
            next();
            word("not", " after \"does\" (does not contain)");
            word("contain", " after \"does not\"");
            return predicate(property, Operator.NOT_CONTAINS, List.of(stringValue()), at);
        }
        if (op.isWord("starts") || op.isWord("ends")) {
            next();
            word("with", " after " + op.describe());
            return predicate(property, op.isWord("starts") ? Operator.STARTS_WITH : Operator.ENDS_WITH,
                    List.of(stringValue()), at);
        }
        throw unknownOperator(op);
    }

    private ParseFailure unknownOperator(Token op) {
        if (op.kind() != Kind.WORD && op.kind() != Kind.SYMBOL) {
            return unexpected("an operator (is, contains, >, …) after the property", List.of());
        }
        String known = OPERATOR_SYNONYMS.get(op.text().toLowerCase(java.util.Locale.ROOT));
        Optional<String> suggestion = known != null ? Optional.of(known)
                : Suggestions.nearest(op.text(), op.kind() == Kind.SYMBOL ? COMPARISONS : OPERATOR_WORDS);
        return new ParseFailure(DiagnosticCode.UNKNOWN_OPERATOR, op, "unknown operator " + op.describe(),
                suggestion.map(Suggestions::didYouMean)
                        .orElse("use is, is not, is any of, contains, starts with, >, is between … (see docs/language.md)"));
    }

    private Condition afterIs(String property, SourcePosition at) {
        Token t = peek();
        if (t != null && t.kind() == Kind.WORD) {
            switch (t.text()) {
                case "not" -> {
                    next();
                    if (atWord("known")) {
                        throw new ParseFailure(DiagnosticCode.UNKNOWN_OPERATOR, peek(), "unknown operator \"is not known\"",
                                Suggestions.didYouMean("is unknown"));
                    }
                    return predicate(property, Operator.IS_NOT, List.of(value()), at);
                }
                case "any", "none" -> {
                    next();
                    word("of", " after " + t.describe());
                    return predicate(property, t.text().equals("any") ? Operator.ANY_OF : Operator.NONE_OF, values(), at);
                }
                case "greater", "less" -> {
                    next();
                    word("than", " after " + t.describe());
                    return predicate(property, t.text().equals("greater") ? Operator.GREATER : Operator.LESS,
                            List.of(numberValue()), at);
                }
                case "at" -> {
                    next();
                    if (!atWord("least") && !atWord("most")) {
                        throw unexpected("\"least\" or \"most\" after \"is at\"", List.of("least", "most"));
                    }
                    boolean least = next().isWord("least");
                    return predicate(property, least ? Operator.GREATER_OR_EQUAL : Operator.LESS_OR_EQUAL,
                            List.of(numberValue()), at);
                }
                case "between" -> {
                    next();
                    return between(property, at);
                }
                case "known", "unknown" -> {
                    next();
                    return predicate(property, t.text().equals("known") ? Operator.KNOWN : Operator.UNKNOWN, List.of(), at);
                }
                case "before", "after" -> {
                    next();
                    Value d = new Value.Date(date("a date after " + t.describe()));
                    return predicate(property, t.text().equals("before") ? Operator.BEFORE : Operator.AFTER, List.of(d), at);
                }
                case "in" -> {
                    next();
                    word("the", " after \"is in\" (is in the last N days)");
                    word("last", " after \"is in the\"");
                    int amount = wholeNumber("the number of units", 1);
                    TimeUnit unit = unit();
                    return new Condition.Predicate(property, Operator.IN_THE_LAST,
                            List.of(new Value.Number(BigDecimal.valueOf(amount))), unit, at);
                }
                case "true", "false" -> {
                    return predicate(property, Operator.IS, List.of(value()), at);
                }
                default -> {
                    Optional<String> near = Suggestions.nearest(t.text(), AFTER_IS);
                    throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                            "expected a value or an operator after \"is\", found " + t.describe(),
                            near.map(Suggestions::didYouMean).orElse("put text between double quotes: \"" + t.text() + "\""));
                }
            }
        }
        return predicate(property, Operator.IS, List.of(value()), at);
    }

    private Condition between(String property, SourcePosition at) {
        Token fromToken = peek();
        if (fromToken != null && fromToken.kind() == Kind.DATE) {
            DateLiteral from = date("a date");
            word("and", " between the two dates");
            Token toToken = peek();
            DateLiteral to = date("a date after \"and\" (both bounds are dates)");
            if (to.start().isBefore(from.start())) {
                throw emptyRange(toToken, "between " + from + " and " + to);
            }
            return predicate(property, Operator.BETWEEN_DATES, List.of(new Value.Date(from), new Value.Date(to)), at);
        }
        BigDecimal from = number("a number or a date after \"between\"");
        word("and", " between the two numbers");
        Token toToken = peek();
        BigDecimal to = number("a number after \"and\" (both bounds are numbers)");
        if (to.compareTo(from) < 0) {
            throw emptyRange(toToken, "between " + from.toPlainString() + " and " + to.toPlainString());
        }
        return predicate(property, Operator.BETWEEN_NUMBERS, List.of(new Value.Number(from), new Value.Number(to)), at);
    }

    private static Condition predicate(String property, Operator operator, List<Value> values, SourcePosition at) {
        return new Condition.Predicate(property, operator, values, null, at);
    }

    private List<Value> values() {
        List<Value> list = new ArrayList<>();
        do {
            list.add(value());
        } while (comma());
        return list;
    }

    private List<Value> strings() {
        List<Value> list = new ArrayList<>();
        do {
            list.add(stringValue());
        } while (comma());
        return list;
    }

    private Value stringValue() {
        return new Value.Text(string("a text"));
    }

    private Value numberValue() {
        return new Value.Number(number("a number"));
    }

    /** {@code STRING | NUMBER | DATE | true | false}. */
    public Value value() {
        Token t = peek();
        if (t != null) {
            switch (t.kind()) {
                case STRING -> {
                    next();
                    return new Value.Text((String) t.value());
                }
                case NUMBER -> {
                    next();
                    return new Value.Number((BigDecimal) t.value());
                }
                case DATE -> {
                    next();
                    return new Value.Date((DateLiteral) t.value());
                }
                case WORD -> {
                    if (t.text().equals("true") || t.text().equals("false")) {
                        next();
                        return new Value.Bool(t.text().equals("true"));
                    }
                    Optional<String> near = Suggestions.nearest(t.text(), List.of("true", "false"));
                    throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                            "expected a value (text in double quotes, a number, a date, true or false), found " + t.describe(),
                            near.map(Suggestions::didYouMean).orElse("put text between double quotes: \"" + t.text() + "\""));
                }
                default -> { }
            }
        }
        throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, t,
                "expected a value (text in double quotes, a number, a date, true or false), found " + found(), null);
    }
}
