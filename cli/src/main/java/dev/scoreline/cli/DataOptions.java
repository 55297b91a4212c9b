package dev.scoreline.cli;

import com.google.inject.Guice;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
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

    /** The adapter for the data folder, or a usage error. */
    CrmAdapter openAdapter() throws UsageError {
        if (!Files.isDirectory(data)) {
            throw new UsageError("--data " + data + " is not a folder");
        }
        // The same discovery a config file uses: one way to pick an adapter by name.
        ScorelinePlugins plugins = ScorelinePlugins.discover();
        if (plugins.find(ScorelinePlugin.Kind.ADAPTER, adapter).isEmpty()) {
            throw new UsageError("--adapter takes one of " + plugins.names(ScorelinePlugin.Kind.ADAPTER)
                    + ", not \"" + adapter + "\"");
        }
        return adapter(plugins, adapter, Map.of("dir", data.toString()));
    }

    /** The adapter plugin {@code name} with its settings, wired by Guice; bad settings are a usage error. */
    static CrmAdapter adapter(ScorelinePlugins plugins, String name, Map<String, Object> settings) throws UsageError {
        try {
            var module = plugins.module(ScorelinePlugin.Kind.ADAPTER, name, settings);
            return Guice.createInjector(module).getInstance(ScorelineBinder.ADAPTERS).get(name);
        } catch (PluginSettingsException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Rules compiled and data loaded: what score, explain and preview all start from. */
    record Loaded(ScoreEngine engine, CompiledScores scores, ScoringData data, CountingProblems problems) { }

    /** Thrown with the exit code when rules or options are unusable; the reason is already printed. */
    static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** Reads and compiles the rules, opens the adapter and loads the data, reporting problems on err. */
    Loaded load(String command, java.io.PrintWriter err) throws Stop {
        return load(command, err, null);
    }

    /** As {@link #load(String, java.io.PrintWriter)}, printing only the data warnings about {@code record} (null: all). */
    Loaded load(String command, java.io.PrintWriter err, dev.scoreline.api.RecordKey record) throws Stop {
        java.util.List<dev.scoreline.dsl.model.ScoreDefinition> definitions;
        try {
            definitions = RuleFiles.load(rules, err);
        } catch (RuleFiles.Failed f) {
            throw new Stop(f.exitCode);
        }
        CrmAdapter adapter;
        try {
            adapter = openAdapter();
        } catch (UsageError e) {
            err.println("scoreline " + command + ": " + e.getMessage());
            throw new Stop(Main.USAGE);
        }
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(definitions);
        CountingProblems problems = new CountingProblems(err, record);
        try (adapter) {
            return new Loaded(engine, scores, engine.load(scores, adapter, problems), problems);
        }
    }

    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
