package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.SourcePosition;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tokens of one logical line and a position in them, with the expectations every reader
 * shares: each either returns what it read or throws {@link ParseFailure} naming what was expected.
 */
public class TokenCursor {

    private final String source;
    private final List<Token> tokens;
    private int pos;

    public TokenCursor(String source, List<Token> tokens) {
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

    /** True when the token {@code ahead} is of kind {@code kind}. */
    public boolean atKind(int ahead, Kind kind) {
        Token t = peek(ahead);
        return t != null && t.kind() == kind;
    }

    public Token next() {
        return tokens.get(pos++);
    }

    public SourcePosition position(Token t) {
        return new SourcePosition(source, t.line(), t.column());
    }

    /** How a message names the current token. */
    protected String found() {
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

    /** Consumes a {@code ,} when there is one. */
    public boolean comma() {
        if (atSymbol(",")) {
            next();
            return true;
        }
        return false;
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

    /** "between A and B" with B below A: the range never holds. */
    static ParseFailure emptyRange(Token at, String what) {
        return new ParseFailure(DiagnosticCode.EMPTY_RANGE, at, "\"" + what + "\" never holds: the second bound is below the first",
                "swap the two bounds");
    }
}
