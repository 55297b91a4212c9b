package dev.scoreline.dsl;

import dev.scoreline.dsl.internal.Reporter;
import dev.scoreline.dsl.internal.ScoreDraft;
import dev.scoreline.dsl.internal.ScoreFileParser;
import dev.scoreline.dsl.internal.ScoreHeaders;
import dev.scoreline.dsl.internal.ScoreValidator;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the {@code .score} language: lexes, parses and validates source text into
 * {@link dev.scoreline.dsl.model.ScoreDefinition}s with every diagnostic.
 */
public final class ScoreParser {

    private ScoreParser() { }

    /** Parses and validates one file. {@code source} is the name used in diagnostics. */
    public static ParseResult parse(String source, String text) {
        return parseAll(List.of(new SourceText(source, text)));
    }

    /**
     * Parses and validates several files as one set: score names must be unique across them.
     */
    public static ParseResult parseAll(List<SourceText> files) {
        Reporter reporter = new Reporter();
        List<ScoreDraft> scores = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceText file = files.get(i);
            scores.addAll(ScoreFileParser.parse(file.source(), i, file.text(), reporter));
        }
        List<ScoreDefinition> definitions = new ScoreValidator(reporter).validate(scores);
        return new ParseResult(definitions, reporter.sorted());
    }

    /**
     * Every well-formed {@code score "NAME" on TYPE} line of a text, in order, read by the lexer and
     * parser (strings decoded, comments and line continuations understood). Nothing is validated:
     * a broken score line is left out, and {@link #parse} says what is wrong with it.
     */
    public static List<ScoreHeader> headers(String text) {
        return ScoreHeaders.read(text);
    }

    /** The first {@code score "NAME" on TYPE} line of a text, as {@link #headers} reads it. */
    public static Optional<ScoreHeader> header(String text) {
        return headers(text).stream().findFirst();
    }

    /** The text of one file and the name diagnostics use for it. */
    public record SourceText(String source, String text) { }
}
