package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.DateLiteral;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a file into logical lines of tokens (section 2 of the language): one statement per line,
 * a trailing {@code \} joins the next physical line, {@code #} comments outside strings.
 *
 * <p>The lexer never fails: a bad lexeme becomes an {@link Kind#ERROR} token carrying its
 * {@link Problem}, so the parser reports it as the one error of its line and goes on.
 */
public final class Lexer {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final String COMPARISON_CHARS = "<>=!";
    private static final String PUNCTUATION = "%,:()";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private Lexer() { }

    /** A {@code #} comment: its physical line, its text from the {@code #}, and whether code precedes it. */
    public record Comment(int line, String text, boolean trailing) { }

    /** The logical lines of {@code text}, each a non-empty list of tokens. */
    public static List<List<Token>> lines(String text) {
        return lines(text, new ArrayList<>());
    }

    /** The comments of {@code text}, in order. */
    public static List<Comment> comments(String text) {
        List<Comment> comments = new ArrayList<>();
        lines(text, comments);
        return comments;
    }

    private static List<List<Token>> lines(String text, List<Comment> comments) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        // A byte order mark at the very start is ignored (section 2): columns count from after it.
        String body = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        String[] physical = body.split("\r\n|\r|\n", -1);
        for (int n = 0; n < physical.length; n++) {
            boolean continued = lexLine(physical[n], n + 1, current, comments);
            if (!continued && !current.isEmpty()) {
                lines.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    /** Adds the tokens of one physical line; true when it ends with a continuation {@code \}. */
    private static boolean lexLine(String line, int lineNo, List<Token> out, List<Comment> comments) {
        int tokensBefore = out.size();
        int i = 0;
        int len = line.length();
        while (i < len) {
            char c = line.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                comments.add(new Comment(lineNo, line.substring(i).stripTrailing(), out.size() > tokensBefore));
                return false;
            } else if (c == '"') {
                i = lexString(line, i, lineNo, out);
            } else if (c == '\\') {
                if (line.substring(i + 1).isBlank()) {
                    return true;
                }
                out.add(error("\\", lineNo, col, DiagnosticCode.BAD_CONTINUATION,
                        "a \"\\\" outside a string continues a line only at its very end",
                        "remove it, or move the rest of the line to the next line"));
                i++;
            } else if (isDigit(c) || (c == '-' && i + 1 < len && isDigit(line.charAt(i + 1)))) {
                i = lexNumberOrDate(line, i, lineNo, out);
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < len && isNamePart(line.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.WORD, line.substring(i, end), null, lineNo, col));
                i = end;
            } else if (COMPARISON_CHARS.indexOf(c) >= 0) {
                // A run such as ">=", "=" or "!=": the parser says which operators exist.
                int end = i + 1;
                while (end < len && COMPARISON_CHARS.indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                out.add(new Token(Kind.SYMBOL, line.substring(i, end), null, lineNo, col));
                i = end;
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), null, lineNo, col));
                i++;
            } else {
                String ch = new String(Character.toChars(line.codePointAt(i)));
                out.add(error(ch, lineNo, col, DiagnosticCode.UNEXPECTED_CHARACTER,
                        "unexpected character \"" + ch + "\"",
                        c == '\'' || c == '\u201C' || c == '\u201D' ? "write text between straight double quotes \"…\""
                                : "remove it; text belongs between double quotes"));
                i += ch.length();
            }
        }
        return false;
    }

    private static int lexString(String line, int start, int lineNo, List<Token> out) {
        StringBuilder value = new StringBuilder();
        Problem badEscape = null;
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                String text = line.substring(start, i + 1);
                out.add(badEscape != null
                        ? new Token(Kind.ERROR, text, badEscape, lineNo, start + 1)
                        : new Token(Kind.STRING, text, value.toString(), lineNo, start + 1));
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == '"' || next == '\\') {
                    value.append(next);
                } else if (badEscape == null) {
                    badEscape = new Problem(DiagnosticCode.BAD_ESCAPE,
                            "unknown escape \"\\" + next + "\" in a string",
                            "only \\\" and \\\\ are escapes; write \\\\ for a backslash");
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        out.add(error(line.substring(start), lineNo, start + 1, DiagnosticCode.UNTERMINATED_STRING,
                "unterminated string", "end it with a \" on the same line"));
        return line.length();
    }

    private static int lexNumberOrDate(String line, int start, int lineNo, List<Token> out) {
        int i = start;
        if (line.charAt(i) == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        if (line.charAt(start) != '-' && i - digitsStart == 4 && i < line.length() && line.charAt(i) == '-') {
            return lexDate(line, start, lineNo, out);
        }
        if (i + 1 < line.length() && line.charAt(i) == '.' && isDigit(line.charAt(i + 1))) {
            i++;
            while (i < line.length() && isDigit(line.charAt(i))) {
                i++;
            }
        }
        if (i < line.length() && isNamePart(line.charAt(i))) {
            int end = runEnd(line, i);
            out.add(error(line.substring(start, end), lineNo, start + 1, DiagnosticCode.BAD_NUMBER,
                    "malformed number \"" + line.substring(start, end) + "\"",
                    "write digits with an optional decimal part, like 2.5 or -3 (no exponents, no units)"));
            return end;
        }
        String text = line.substring(start, i);
        out.add(new Token(Kind.NUMBER, text, new BigDecimal(text), lineNo, start + 1));
        return i;
    }

    private static int lexDate(String line, int start, int lineNo, List<Token> out) {
        int end = start;
        while (end < line.length() && (isNamePart(line.charAt(end)) || line.charAt(end) == ':')) {
            end++;
        }
        String text = line.substring(start, end);
        DateLiteral date = null;
        try {
            if (DAY.matcher(text).matches()) {
                date = DateLiteral.ofDay(LocalDate.parse(text));
            } else if (INSTANT.matcher(text).matches()) {
                date = DateLiteral.ofInstant(Instant.parse(text));
            }
        } catch (DateTimeParseException e) {
            out.add(error(text, lineNo, start + 1, DiagnosticCode.BAD_DATE,
                    "no such date \"" + text + "\"", "check the month and the day"));
            return end;
        }
        if (date == null) {
            out.add(error(text, lineNo, start + 1, DiagnosticCode.BAD_DATE, "malformed date \"" + text + "\"",
                    "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, like 2026-01-31"));
        } else {
            out.add(new Token(Kind.DATE, text, date, lineNo, start + 1));
        }
        return end;
    }

    private static int runEnd(String line, int i) {
        while (i < line.length() && isNamePart(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Token error(String text, int line, int column, DiagnosticCode code, String message, String fix) {
        return new Token(Kind.ERROR, text, new Problem(code, message, fix), line, column);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c) || c == '.' || c == '-';
    }

    /** True when {@code s} is a NAME of section 2, so it can be written without quotes. */
    public static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNamePart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
