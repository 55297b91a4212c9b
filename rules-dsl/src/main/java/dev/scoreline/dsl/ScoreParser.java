package dev.scoreline.dsl;

import dev.scoreline.dsl.internal.Reporter;
import dev.scoreline.dsl.internal.ScoreDraft;
import dev.scoreline.dsl.internal.ScoreFileParser;
import dev.scoreline.dsl.internal.ScoreValidator;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.util.ArrayList;
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
        Reporter reporter = new Reporter();
        List<ScoreDraft> scores = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceText file = files.get(i);
            scores.addAll(ScoreFileParser.parse(file.source(), i, file.text(), reporter));
        }
        List<ScoreDefinition> definitions = new ScoreValidator(reporter).validate(scores);
        return new ParseResult(definitions, reporter.sorted());
    }

    /** The text of one file and the name diagnostics use for it. */
    public record SourceText(String source, String text) { }
}
