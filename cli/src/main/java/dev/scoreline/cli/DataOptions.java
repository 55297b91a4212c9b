package dev.scoreline.cli;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.runtime.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that reads rules and data shares. */
final class DataOptions {

    @Option(names = "--rules", required = true, split = ",", paramLabel = "FILE",
            description = "Score files, comma-separated (or the option repeated).")
    List<Path> rules;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder.")
    Path data;

    @Option(names = "--adapter", defaultValue = "jsonl", paramLabel = "NAME",
            description = "The adapter that reads the data folder, by plugin name: jsonl (default) or csv.")
    String adapter;

    @Option(names = "--as-of", converter = AsOf.class, paramLabel = "INSTANT",
            description = "The evaluation instant NOW: 2026-03-01T00:00:00Z or 2026-03-01 (00:00 UTC). "
                    + "Default: the current time.")
    Instant asOf;

    Instant now() {
        return asOf == null ? Instant.now() : asOf;
    }

    /** The adapter for the data folder: a missing folder is SL801, an unknown adapter SL503. */
    CrmAdapter openAdapter() {
        if (!Files.exists(data)) {
            throw new ScorelineException(ErrorCode.DATA_MISSING, "the data folder " + data + " does not exist",
                    "give --data the folder that holds the data files (records.jsonl, events.jsonl, … or the csv files)");
        }
        if (!Files.isDirectory(data)) {
            throw new ScorelineException(ErrorCode.DATA_MISSING, "--data " + data + " is a file, not a folder",
                    "give --data the folder that holds the data files, not a file in it");
        }
        // The same discovery and wiring a config file uses: one way to pick an adapter by name.
        var module = Plugins.module(ScorelinePlugins.discover(), ScorelinePlugin.Kind.ADAPTER, adapter,
                Map.of("dir", data.toString()));
        return Plugins.adapter(Plugins.injector(List.of(module)), adapter, "--adapter");
    }

    /** The adapter plugin {@code name} with its settings, wired the way a run wires it (coded errors). */
    static CrmAdapter adapter(ScorelinePlugins plugins, String name, Map<String, Object> settings) {
        var module = Plugins.module(plugins, ScorelinePlugin.Kind.ADAPTER, name, settings);
        return Plugins.adapter(Plugins.injector(List.of(module)), name, "adapter:");
    }

    /** Rules compiled and data loaded: what score, explain and preview all start from. */
    record Loaded(ScoreEngine engine, CompiledScores scores, ScoringData data, CountingProblems problems) { }

    /**
     * Reads and compiles the rules, opens the adapter and loads the data, reporting data problems
     * on err; rules with errors are a {@link dev.scoreline.dsl.RuleErrorsException}.
     */
    Loaded load(String command, java.io.PrintWriter err) {
        return load(command, err, null);
    }

    /** As {@link #load(String, java.io.PrintWriter)}, printing only the data warnings about {@code record} (null: all). */
    Loaded load(String command, java.io.PrintWriter err, dev.scoreline.api.RecordKey record) {
        return load(RuleFiles.load(rules, command, err), err, record);
    }

    /** Compiles {@code definitions} (read from {@link #rules} already) and loads the data for them. */
    Loaded load(List<dev.scoreline.dsl.model.ScoreDefinition> definitions, java.io.PrintWriter err,
                dev.scoreline.api.RecordKey record) {
        CrmAdapter crm = openAdapter();
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(definitions);
        CountingProblems problems = new CountingProblems(err, record);
        try (crm) {
            return new Loaded(engine, scores, engine.load(scores, crm, problems), problems);
        }
    }
}
