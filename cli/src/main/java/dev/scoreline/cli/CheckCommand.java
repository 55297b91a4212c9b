package dev.scoreline.cli;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scoreline check FILE|DIR…}: parses and validates the files as one set (score names are
 * unique across them; a folder stands for every {@code .score} file below it, sorted) and prints
 * one line per problem on stderr, sorted by position; on success, a count on stdout.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and validate .score files (a folder: every .score file below it); one line per problem on stderr.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files are valid (warnings allowed)", "1:errors found", "2:usage (no file, unreadable file)"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "The .score files, or folders of them, validated together.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ScoreParser.SourceText> sources = RuleFiles.read(RuleFiles.expandFolders(files), "check");
        ParseResult result = ScoreParser.parseAll(sources);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        if (result.hasErrors()) {
            return Main.RULE_ERRORS;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary(sources.size(), result.diagnostics().size()));
        out.flush();
        return Main.OK;
    }

    /** "3 files, 0 problems"; warnings (which do not fail the check) are counted as problems. */
    static String summary(int files, int problems) {
        return files + (files == 1 ? " file, " : " files, ") + problems + (problems == 1 ? " problem" : " problems");
    }
}
