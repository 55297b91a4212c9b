package dev.scoreline.dsl.internal;

/**
 * One lexeme of a logical line. {@code text} is the lexeme as written (a string keeps its quotes),
 * so a token ends at {@code column + text.length()} on its physical line; {@code value} is the
 * decoded literal (String, BigDecimal, DateLiteral) or, for {@link Kind#ERROR}, the {@link Problem}.
 */
public record Token(Kind kind, String text, Object value, int line, int column) {

    public enum Kind { WORD, STRING, NUMBER, DATE, SYMBOL, ERROR }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public int endColumn() {
        return column + text.length();
    }

    /** How a message names this token: the text in quotes. */
    public String describe() {
        return kind == Kind.STRING ? text : "\"" + text + "\"";
    }
}
