package dev.scoreline.flink;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of the .score files a job scores with, carried to every task: each task compiles it
 * once (one engine per task manager keeps the rule base, so the tasks of one machine share it).
 * The client checks it before the job is submitted, so rule errors never reach the cluster.
 */
public final class RuleTexts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One engine per class loader: the job's tasks in one task manager compile the rules once. */
    private static final ScoreEngine ENGINE = ScoreEngine.builder().threads(1).build();

    private final List<String> sources;
    private final List<String> texts;

    private RuleTexts(List<String> sources, List<String> texts) {
        this.sources = List.copyOf(sources);
        this.texts = List.copyOf(texts);
        compile(); // fail on the client, with the diagnostics
    }

    public static RuleTexts of(String source, String text) {
        return new RuleTexts(List.of(source), List.of(text));
    }

    public static RuleTexts read(List<Path> files) {
        List<String> sources = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(f.toString());
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ScorelineException(ErrorCode.RULES_UNREADABLE, "rule file " + f + " cannot be read: " + e.getMessage(),
                        "check the path and its permissions", e);
            }
        }
        return new RuleTexts(sources, texts);
    }

    /** The compiled scores (the same instance for equal texts within one task manager). */
    public CompiledScores compile() {
        List<ScoreParser.SourceText> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            files.add(new ScoreParser.SourceText(sources.get(i), texts.get(i)));
        }
        if (files.isEmpty()) {
            throw new ScorelineException(ErrorCode.NO_RULES, "no rules were given", "give at least one .score file");
        }
        ParseResult parsed = ScoreParser.parseAll(files);
        if (parsed.hasErrors()) {
            throw new ScorelineException(ErrorCode.RULE_ERRORS, parsed.errors().stream().map(Diagnostic::format)
                    .collect(Collectors.joining("; ")), "fix the rules (scoreline check shows every error)");
        }
        return ENGINE.compile(parsed.definitions());
    }
}
