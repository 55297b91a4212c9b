package dev.scoreline.cli;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scoreline fmt [--write] FILE…}: prints (or rewrites) each file in the canonical form of
 * the language, comments kept. The files are validated together as {@code check} does; a file
 * with errors is left as it is and its errors are printed.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Print .score files in canonical form, or rewrite them with --write.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:formatted", "1:a file has errors (it is not formatted)", "2:usage (no file, unreadable file)"})
final class FmtCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-w", "--write"}, description = "Rewrite the files in place instead of printing them.")
    boolean write;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The .score files.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScoreParser.SourceText> sources = RuleFiles.read(files, "fmt");
        ParseResult result = ScoreParser.parseAll(sources);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        boolean failed = false;
        for (int i = 0; i < sources.size(); i++) {
            ScoreParser.SourceText source = sources.get(i);
            if (hasErrors(result, source.source())) {
                failed = true;
                continue;
            }
            List<ScoreDefinition> definitions = result.definitions().stream()
                    .filter(d -> d.position().source().equals(source.source())).toList();
            String formatted = ScoreFormatter.format(definitions, source.text());
            if (!write) {
                if (i > 0) {
                    out.println();
                }
                out.print(formatted);
            } else if (!formatted.equals(source.text())) {
                try {
                    Files.writeString(files.get(i), formatted, StandardCharsets.UTF_8);
                    out.println("formatted " + source.source());
                } catch (IOException e) {
                    err.println(new dev.scoreline.api.ScorelineException(dev.scoreline.api.ErrorCode.OUTPUT_UNWRITABLE,
                            "cannot write " + source.source() + ": " + e.getMessage(), "check that the file can be written",
                            e).line());
                    failed = true;
                }
            }
        }
        out.flush();
        err.flush();
        return failed ? Main.RULE_ERRORS : Main.OK;
    }

    private static boolean hasErrors(ParseResult result, String source) {
        return result.errors().stream().anyMatch(d -> d.position().source().equals(source));
    }
}
