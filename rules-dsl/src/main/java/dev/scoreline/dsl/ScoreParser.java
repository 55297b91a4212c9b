package dev.scoreline.dsl;

import java.util.List;

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
        throw new UnsupportedOperationException("not built yet");
    }

    /** The text of one file and the name diagnostics use for it. */
    public record SourceText(String source, String text) { }
}
