package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads conditions and literal values by recursive descent (the {@code condition} of section 3),
 * including the predicates on other scores of section 7a. The first problem of a line is its only
 * error, so one mistake never produces a cascade.
 */
public class ConditionReader extends TokenCursor {

    /** The words a rule's condition may continue with after a predicate's NAME. */
    public static final List<String> OPERATOR_WORDS = List.of("is", "contains", "does", "starts", "ends", "occurs");
    static final List<String> COMPARISONS = List.of(">", ">=", "<", "<=");
    private static final List<String> AFTER_IS = List.of("not", "any", "none", "greater", "less", "at", "between",
            "known", "unknown", "before", "after", "in", "true", "false");
    private static final List<String> UNITS = List.of("days", "day", "weeks", "week", "months", "month", "years", "year");
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

    private int nesting;

    public ConditionReader(String source, List<Token> tokens) {
        super(source, tokens);
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
        if ((t != null && (t.isWord("score") || t.isWord("status"))) && atKind(1, Kind.STRING)) {
            return scoreReference();
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
        return operation(nameToken, nameToken.text(), position(nameToken));
    }

    /** What follows the NAME of a predicate (or the name of a referenced score): the operator and its values. */
    private Condition.Predicate operation(Token nameToken, String property, SourcePosition at) {
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

    /** The operators a {@code score "NAME"} reference may take: it reads as a number (section 7a). */
    private static final java.util.Set<Operator> SCORE_OPERATORS = java.util.EnumSet.of(Operator.GREATER,
            Operator.GREATER_OR_EQUAL, Operator.LESS, Operator.LESS_OR_EQUAL, Operator.BETWEEN_NUMBERS,
            Operator.KNOWN, Operator.UNKNOWN);
    /** The operators a {@code status "NAME"} reference may take: it is a label, compared as text. */
    private static final java.util.Set<Operator> STATUS_OPERATORS = java.util.EnumSet.of(Operator.IS,
            Operator.IS_NOT, Operator.ANY_OF, Operator.NONE_OF);

    /**
     * {@code score "NAME" …} or {@code status "NAME" …}: the operation is read as a predicate's
     * would be, then held to what a score value (a number) or a status (a label) allows.
     */
    private Condition scoreReference() {
        Token keyword = next();
        Token nameToken = peek();
        String score = string("the score's name");
        SourcePosition at = position(nameToken);
        Token op = peek();
        Condition.Predicate read = operation(nameToken, score, at);
        boolean status = keyword.isWord("status");
        if (status && STATUS_OPERATORS.contains(read.operator())
                && read.values().stream().allMatch(v -> v instanceof Value.Text)) {
            return new Condition.StatusTest(score, read.operator(), read.values(), at);
        }
        if (!status && SCORE_OPERATORS.contains(read.operator())) {
            return new Condition.ScoreTest(score, read.operator(), read.values(), at);
        }
        String name = nameToken.text();
        throw status
                ? new ParseFailure(DiagnosticCode.UNKNOWN_OPERATOR, op,
                        "a status is a label compared as text: status " + name
                                + " takes is, is not, is any of or is none of, and labels in double quotes",
                        "write, for example, status " + name + " is \"High\"")
                : new ParseFailure(DiagnosticCode.UNKNOWN_OPERATOR, op,
                        "a score is a number: score " + name
                                + " takes >, >=, <, <=, is between, is known or is unknown",
                        "write, for example, score " + name + " >= 50, or status " + name + " is \"High\" for its label");
    }

    /** {@code in last N days} where {@code in the last N days} is meant. */
    protected void rejectInLast() {
        if (atWord("last")) {
            throw new ParseFailure(DiagnosticCode.UNEXPECTED_TOKEN, peek(),
                    "expected \"the\" after \"in\" (in the last N days), found \"last\"",
                    Suggestions.didYouMean("in the last"));
        }
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

    private Condition.Predicate afterIs(String property, SourcePosition at) {
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
                    rejectInLast();
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

    private Condition.Predicate between(String property, SourcePosition at) {
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

    private static Condition.Predicate predicate(String property, Operator operator, List<Value> values, SourcePosition at) {
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


    protected TimeUnit unit() {
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

}
