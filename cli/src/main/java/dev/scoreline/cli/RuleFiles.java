package dev.scoreline.cli;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates the {@code .score} files a command names; the one way every command loads rules. */
final class RuleFiles {

    private RuleFiles() { }

    /** Thrown when the files cannot be read (a usage error) or hold errors. */
    static final class Failed extends Exception {
        final int exitCode;

        Failed(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** Reads the files, prints every diagnostic to {@code err}, and returns the definitions. */
    static ParseResult parse(List<Path> files, PrintWriter err) throws Failed {
        if (files.isEmpty()) {
            err.println("scoreline: no .score file given");
            throw new Failed(Main.USAGE);
        }
        List<ScoreParser.SourceText> sources = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(new ScoreParser.SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("scoreline: cannot read " + f + ": " + (e.getMessage() == null ? e : e.getMessage()));
                throw new Failed(Main.USAGE);
            }
        }
        ParseResult result = ScoreParser.parseAll(sources);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
        return result;
    }

    /** The definitions, or {@link Failed} with exit 1 when any file has errors. */
    static List<ScoreDefinition> load(List<Path> files, PrintWriter err) throws Failed {
        ParseResult result = parse(files, err);
        if (result.hasErrors()) {
            err.println("scoreline: " + result.errors().size() + " error" + (result.errors().size() == 1 ? "" : "s")
                    + " in the rules; nothing was scored");
            throw new Failed(Main.RULE_ERRORS);
        }
        return result.definitions();
    }
}
