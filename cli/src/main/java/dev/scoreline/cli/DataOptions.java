package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that reads rules and data shares: the rules, and where the data comes from. */
final class DataOptions {

    @Option(names = "--rules", split = ",", paramLabel = "FILE",
            description = "Score files, comma-separated (or the option repeated). Default with a config: its rules "
                    + "(rules: catalog: the store's active scores).")
    List<Path> rules;

    @Mixin
    DataSource source;

    private String command;
    private PrintWriter err;

    /**
     * The definitions to score: {@code --rules}, else the config's rules (its files, or the active
     * scores of its store's catalog); {@code --data} without {@code --rules} is SL505. Warnings go
     * to err; rules with errors are a {@link dev.scoreline.dsl.RuleErrorsException}.
     */
    List<ScoreDefinition> definitions(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
        if (rules != null) {
            source.config(command, err);
            return RuleFiles.load(rules, command, err);
        }
        RunConfig cfg = source.config(command, err);
        if (cfg == null) {
            throw new ScorelineException(ErrorCode.NO_RULES, "no .score file given",
                    "give --rules FILE (comma-separated for more), or --config CONFIG to score the config's rules");
        }
        return RuleFiles.load(cfg, command, err);
    }

    /** The adapter of the data (fresh on every call); after {@link #definitions}. */
    CrmAdapter openAdapter() {
        return source.openAdapter(command, err);
    }

    /** NOW, the same on every call; after {@link #definitions}. */
    Instant now() {
        return source.now(command, err);
    }

    /** Rules compiled and data loaded: what score, explain and preview all start from. */
    record Loaded(ScoreEngine engine, CompiledScores scores, ScoringData data, CountingProblems problems) { }

    /** As {@link #load(String, PrintWriter, RecordKey)}, printing every data warning. */
    Loaded load(String command, PrintWriter err) {
        return load(command, err, null);
    }

    /**
     * Reads and compiles the rules, opens the adapter and loads the data, reporting the data
     * problems about {@code record} (null: all) on err.
     */
    Loaded load(String command, PrintWriter err, RecordKey record) {
        return load(definitions(command, err), err, record);
    }

    /** Compiles {@code definitions} (read through {@link #definitions} already) and loads the data for them. */
    Loaded load(List<ScoreDefinition> definitions, PrintWriter err, RecordKey record) {
        return load(definitions, err, record, false);
    }

    /** As above; {@code strict} also reads what no score reads (the events), so its bad lines are counted too. */
    Loaded load(List<ScoreDefinition> definitions, PrintWriter err, RecordKey record, boolean strict) {
        CrmAdapter crm = openAdapter();
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(definitions);
        CountingProblems problems = new CountingProblems(err, record);
        try (crm) {
            ScoringData data = engine.load(scores, crm, problems);
            if (strict) {
                engine.checkSkipped(data, crm, problems);
            }
            return new Loaded(engine, scores, data, problems);
        }
    }
}
