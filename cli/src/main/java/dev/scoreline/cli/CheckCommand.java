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
        List<ScoreParser.SourceText> sources = RuleFiles.read(files, "check");
        ParseResult result = ScoreParser.parseAll(sources);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        return result.hasErrors() ? Main.RULE_ERRORS : Main.OK;
    }
}
