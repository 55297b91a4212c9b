package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads and validates the {@code .score} files a command names; the one way every command loads rules. */
final class RuleFiles {

    private RuleFiles() { }

    /** The texts of the files: no file given is SL505, a file that cannot be read SL511 (both exit 2). */
    static List<ScoreParser.SourceText> read(List<Path> files, String command) {
        if (files.isEmpty()) {
            throw new ScorelineException(ErrorCode.NO_RULES, "no .score file given",
                    "name one or more .score files; see 'scoreline " + command + " --help'");
        }
        List<ScoreParser.SourceText> sources = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(new ScoreParser.SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw unreadable(f, e);
            }
        }
        return sources;
    }

    /**
     * The paths with every folder replaced by the {@code .score} files below it, sorted by path so
     * the problems come in the same order on every machine; a folder without one is SL505.
     */
    static List<Path> expandFolders(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found;
            try (Stream<Path> below = Files.walk(p)) {
                found = below.filter(f -> f.getFileName().toString().endsWith(".score") && Files.isRegularFile(f))
                        .sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                throw unreadable(p, cause);
            }
            if (found.isEmpty()) {
                throw new ScorelineException(ErrorCode.NO_RULES, "no .score file in " + p,
                        "give a folder that holds .score files, or name the files; 'scoreline init lead " + p
                                + "' writes one");
            }
            files.addAll(found);
        }
        return files;
    }

    /** A rules file that cannot be read, in the user's words. */
    static ScorelineException unreadable(Path f, IOException e) {
        String why = e instanceof CharacterCodingException ? "it is not UTF-8 text"
                : !Files.exists(f) ? "no such file" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ScorelineException(ErrorCode.RULES_UNREADABLE, "cannot read " + f + ": " + why,
                "give the path of a readable .score file (UTF-8 text)", e);
    }

    /**
     * The definitions of the files, with their warnings printed to {@code err}; when any file has
     * errors, a {@link RuleErrorsException} that carries every diagnostic (printed with it).
     */
    static List<ScoreDefinition> load(List<Path> files, String command, PrintWriter err) {
        return parse(read(files, command), err);
    }

    /**
     * The definitions a run of the config scores: its files, or with {@code rules: catalog} the
     * active version of every active score of its store's catalog (none active is SL505).
     */
    static List<ScoreDefinition> load(RunConfig config, String command, PrintWriter err) {
        if (!config.fromCatalog()) {
            return load(config.rules(), command, err);
        }
        List<ScoreParser.SourceText> texts;
        try (var store = config.requireStore("rules: catalog reads the active scores of the store's catalog")) {
            texts = dev.scoreline.runtime.Scoreline.catalogRules(store);
        }
        return parse(texts, err);
    }

    private static List<ScoreDefinition> parse(List<ScoreParser.SourceText> sources, PrintWriter err) {
        ParseResult result = ScoreParser.parseAll(sources);
        if (result.hasErrors()) {
            throw new RuleErrorsException(result.diagnostics());
        }
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        return result.definitions();
    }
}
