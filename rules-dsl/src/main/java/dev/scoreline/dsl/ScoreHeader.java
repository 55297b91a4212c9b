package dev.scoreline.dsl;

/**
 * A {@code score "NAME" on TYPE} line as the parser reads it: the decoded name, the object type,
 * and where the name's string literal stands, so a tool can cut a file into its scores or rename
 * one without re-reading the text itself.
 *
 * @param name        the score's name, escapes decoded
 * @param objectType  the object type after {@code on}
 * @param line        the physical line (1-based) of the {@code score} keyword
 * @param nameLine    the physical line of the name's literal (the same line unless a {@code \}
 *                    continues the header)
 * @param nameColumn  the column (1-based) of the literal's opening quote
 * @param nameLength  the literal's length as written, quotes included
 */
public record ScoreHeader(String name, String objectType, int line, int nameLine, int nameColumn, int nameLength) { }
