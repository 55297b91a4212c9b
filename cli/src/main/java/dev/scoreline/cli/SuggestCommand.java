package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.learn.ScoreBacktest;
import dev.scoreline.learn.Suggest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoreline suggest}: a readable .score file learned from an outcome, with its backtest. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Learn a readable .score file from an outcome: criteria from the data, a sparse model fitted on the "
                + "earlier snapshots, backtested on the later ones (docs/outcomes.md).")
final class SuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutcomeOptions outcome;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The records' object type, e.g. contact.")
    String type;

    @Option(names = "--kind", defaultValue = "combined", paramLabel = "KIND",
            description = "engagement (event criteria), fit (property criteria) or combined (both; default).")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the suggested .score file.")
    Path out;

    @Option(names = "--name", defaultValue = "Suggested score", paramLabel = "NAME", description = "The suggested score's name.")
    String name;

    @Option(names = "--against", paramLabel = "FILE", description = "A .score file to backtest beside the suggestion.")
    Path against;

    @Mixin
    DataSource source;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress lines on stderr, only the results and errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScoreDefinition> others = against == null ? List.of() : RuleFiles.load(List.of(against), "suggest", err);
        Instant now = source.now("suggest", err);
        long t0 = System.nanoTime();
        Suggest.Suggestion s = Suggest.run(ScoreEngine.create(), outcome.outcome(type), () -> source.openAdapter("suggest", err),
                new CountingProblems(err), new Suggest.Options(name, kind(), now, outcome.every, others, line -> {
                    if (!quiet) {
                        err.println(line);
                        err.flush();
                    }
                }));
        o.printf(Locale.ROOT, "%d candidate criteria from the data; %d examples, %d converted; fitted on %d snapshots "
                        + "(%s to %s), held out %d%n", s.candidates(), s.examples(), s.converted(), s.training().size(),
                BacktestCommand.day(s.training().get(0)), BacktestCommand.day(s.training().get(s.training().size() - 1)),
                s.heldOutSnapshots().size());
        o.println(s.verdict());
        if (s.text() != null) {
            write(s.text());
            o.println("wrote " + out + " (" + s.rules().size() + " rule" + (s.rules().size() == 1 ? "" : "s") + ")");
        }
        for (ScoreBacktest b : s.heldOut()) {
            BacktestCommand.printScore(b, o);
        }
        o.printf(Locale.ROOT, "took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        o.flush();
        return Main.OK;
    }

    private Suggest.Kind kind() {
        try {
            return Suggest.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--kind " + kind + " is not a kind of score",
                    "give --kind engagement, fit or combined");
        }
    }

    private void write(String text) {
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, "--out " + out + " cannot be written: " + e.getMessage(),
                    "give --out a file in a folder that exists and can be written", e);
        }
    }
}
