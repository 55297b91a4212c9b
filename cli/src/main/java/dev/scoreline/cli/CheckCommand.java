package dev.scoreline.cli;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scoreline check FILE…}: parses and validates the files as one set (score names are unique
 * across them) and prints one line per problem on stderr, sorted by position.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and validate .score files; one line per problem on stderr.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files are valid (warnings allowed)", "1:errors found", "2:usage (no file, unreadable file)"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The .score files, validated together.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ScoreParser.SourceText> sources = readAll(files, "check", err);
        if (sources == null) {
            return Main.USAGE;
        }
        ParseResult result = ScoreParser.parseAll(sources);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        return result.hasErrors() ? Main.RULE_ERRORS : Main.OK;
    }

    /**
     * The texts of the files, or {@code null} after printing why not (no file given, a file that
     * cannot be read): both are usage errors. {@code fmt} reads its files the same way.
     */
    static List<ScoreParser.SourceText> readAll(List<Path> files, String command, PrintWriter err) {
        if (files.isEmpty()) {
            err.println("scoreline " + command + ": no .score file given");
            err.println("Try 'scoreline " + command + " --help'.");
            err.flush();
            return null;
        }
        List<ScoreParser.SourceText> sources = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(new ScoreParser.SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("scoreline " + command + ": cannot read " + f + ": "
                        + (e instanceof CharacterCodingException ? "it is not UTF-8 text"
                        : !Files.exists(f) ? "no such file" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                err.flush();
                return null;
            }
        }
        return sources;
    }
}
