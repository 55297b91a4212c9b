package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.runtime.Plugins;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the data comes from, for every command that reads it (score, explain, preview, backtest,
 * suggest): a folder ({@code --data DIR [--adapter NAME]}) or the adapter of a run config
 * ({@code --config CONFIG}, its plugin and settings as {@code scoreline run} wires them). Without
 * either, the config {@code run} reads by default (./scoreline.yaml, else the quickstart), said on
 * stderr. NOW is {@code --as-of}, else the config's {@code as-of}, else the current time.
 */
final class DataSource {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder (or --config; without either, the data of ./scoreline.yaml, else the quickstart).")
    Path data;

    @Option(names = "--adapter", paramLabel = "NAME",
            description = "The adapter that reads --data, by plugin name: jsonl (default) or csv.")
    String adapter;

    @Option(names = "--config", paramLabel = "CONFIG",
            description = "A run config (scoreline.yaml): read the data through its adapter, at its as-of, and "
                    + "(without --rules) score its rules.")
    Path config;

    @Option(names = "--as-of", converter = AsOf.class, paramLabel = "INSTANT",
            description = "The evaluation instant NOW: 2026-03-01T00:00:00Z or 2026-03-01 (00:00 UTC). "
                    + "Default: the config's as-of, else the current time.")
    Instant asOf;

    private RunConfig resolved;
    private Instant now;

    /**
     * The run config the data comes from, null with {@code --data}; read once. {@code --data} or
     * {@code --adapter} beside {@code --config} is a usage error (SL509): the config names both; so
     * is {@code --adapter} alone, which would otherwise be ignored.
     */
    RunConfig config(String command, PrintWriter err) {
        if (config != null && (data != null || adapter != null)) {
            String both = data != null ? "--data" : "--adapter";
            throw ScoresCommand.badArgument(both + " and --config both given: the config names the adapter and its data",
                    "give --data DIR [--adapter NAME] or --config CONFIG, not both");
        }
        if (adapter != null && data == null) {
            throw ScoresCommand.badArgument("--adapter " + adapter + " given without --data: it reads a data folder",
                    "give --data DIR with it, or --config CONFIG whose adapter reads the data");
        }
        if (data != null) {
            return null;
        }
        if (resolved == null) {
            Path file = config;
            if (file == null) {
                file = RunConfig.defaultFile();
                err.println("scoreline " + command + ": " + RunConfig.defaultNotice(file));
                err.flush();
            }
            resolved = RunConfig.read(file);
        }
        return resolved;
    }

    /** NOW: {@code --as-of}, else the config's as-of, else the current time (taken once, so every use agrees). */
    Instant now(String command, PrintWriter err) {
        if (now == null) {
            RunConfig cfg = config(command, err);
            now = asOf != null ? asOf : cfg != null && cfg.asOf() != null ? cfg.asOf() : Instant.now();
        }
        return now;
    }

    /** What the data is, for messages: the folder, or the config whose adapter reads it. */
    String describe() {
        return data != null ? "the data folder " + data : "the data of " + resolved.file();
    }

    /**
     * The adapter, fresh on every call (a backtest reads the data more than once): a missing
     * folder is SL801, an unknown adapter SL503, a bad setting of the config's adapter SL502.
     */
    CrmAdapter openAdapter(String command, PrintWriter err) {
        RunConfig cfg = config(command, err);
        if (cfg != null) {
            return adapter(cfg.adapter(), cfg.adapterSettings(), "adapter:");
        }
        if (!Files.exists(data)) {
            throw new ScorelineException(ErrorCode.DATA_MISSING, "the data folder " + data + " does not exist",
                    "give --data the folder that holds the data files (records.jsonl, events.jsonl, … or the csv files)");
        }
        if (!Files.isDirectory(data)) {
            throw new ScorelineException(ErrorCode.DATA_MISSING, "--data " + data + " is a file, not a folder",
                    "give --data the folder that holds the data files, not a file in it");
        }
        // The same discovery and wiring a config file uses: one way to pick an adapter by name.
        return adapter(adapter == null ? "jsonl" : adapter, Map.of("dir", data.toString()), "--adapter");
    }

    /**
     * The adapter plugin {@code name} with its settings, wired the way a run wires it: an unknown
     * plugin or a bad setting is a coded error naming {@code where} it was given.
     */
    static CrmAdapter adapter(String name, Map<String, Object> settings, String where) {
        var module = Plugins.module(ScorelinePlugins.discover(), ScorelinePlugin.Kind.ADAPTER, name, settings);
        return Plugins.adapter(Plugins.injector(List.of(module)), name, where);
    }
}
