package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import com.google.inject.Module;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.runtime.Failures;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.runtime.Plugins;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import dev.scoreline.runtime.SinkOutbox;
import dev.scoreline.api.ScorelineException;
import java.io.PrintWriter;
import dev.scoreline.store.ScoreStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: read the CRM through the configured adapter, score everything, "
                + "write the sinks. Without CONFIG, runs the bundled quickstart.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG",
            description = "The YAML config (default: ./scoreline.yaml when there is one, else the installation's "
                    + "examples/quickstart/scoreline.yaml; the run says which).")
    Path config;

    @picocli.CommandLine.Option(names = "--config", paramLabel = "CONFIG",
            description = "The same as CONFIG, the way the other commands are given a config.")
    Path configOption;

    @picocli.CommandLine.Option(names = "--wait", arity = "0..1", paramLabel = "DURATION", fallbackValue = "",
            description = "When another run holds the store, wait for it to finish: without a DURATION as long as it "
                    + "takes, else at most DURATION (500ms, 30s, 5m, 1h). Default: fail at once (SL604, exit 5).")
    String wait;

    @picocli.CommandLine.Option(names = {"-q", "--quiet"},
            description = "Print only the summary and errors: no progress, no notices, data problems only counted.")
    boolean quiet;

    @picocli.CommandLine.Option(names = {"-v", "--verbose"},
            description = "Also print every data warning (not only the first 20) and the store's schema migrations.")
    boolean verbose;

    @picocli.CommandLine.Option(names = "--follow",
            description = "After scoring everything, keep following the adapter's change feed.")
    boolean follow;

    @picocli.CommandLine.Option(names = "--strict",
            description = "Fail (exit 3) on any bad data line, before anything is stored or delivered; the data no score"
                    + " reads (the events) is checked too.")
    boolean strict;

    @picocli.CommandLine.Option(names = "--full",
            description = "Score every record, even when the store and the adapter's change feed would let the run "
                    + "re-score only what changed or fell due since the last one (for data edited in place).")
    boolean full;

    @picocli.CommandLine.Option(names = "--poll", defaultValue = "5", paramLabel = "SECONDS",
            description = "With --follow: seconds between polls of the change feed (default 5).")
    double pollSeconds;

    @picocli.CommandLine.Option(names = "--polls", defaultValue = "0", paramLabel = "N",
            description = "With --follow: stop after N polls (default 0: until interrupted).")
    int polls;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (quiet && verbose) {
            throw ScoresCommand.badArgument("--quiet and --verbose both given", "give one of them");
        }
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "info");
        }
        if (config != null && configOption != null && !config.equals(configOption)) {
            throw ScoresCommand.badArgument("two configs given: " + config + " and --config " + configOption,
                    "give the config once, as CONFIG or as --config CONFIG");
        }
        Path chosen = config != null ? config : configOption;
        RunConfig cfg = RunConfig.read(chosen != null ? chosen : defaultConfig(err));
        ScorelinePlugins plugins = ScorelinePlugins.discover();
        List<Module> modules = new ArrayList<>();
        Map<String, SinkOutbox> outboxes = new java.util.LinkedHashMap<>();
        modules.add(Plugins.module(plugins, ScorelinePlugin.Kind.ADAPTER, cfg.adapter(), cfg.adapterSettings()));
        for (RunConfig.Plugin sink : cfg.sinks()) {
            // outbox, attempts and backoff are the runtime's, for any sink; the rest is the plugin's.
            Map<String, Object> own = new java.util.LinkedHashMap<>(sink.settings());
            own.keySet().removeAll(SinkOutbox.SETTINGS.keySet());
            modules.add(Plugins.module(plugins, ScorelinePlugin.Kind.SINK, sink.name(), sink.id(), own));
            outboxes.put(sink.id(), outbox(sink));
        }
        CountingProblems problems = new CountingProblems(err, null,
                quiet ? 0 : verbose ? Long.MAX_VALUE : CountingProblems.WARNINGS_SHOWN);
        Scoreline.Builder b = Scoreline.builder().problems(problems).outbox(cfg.outbox()).asOf(cfg.asOf())
                .fullRun(full).strict(strict).waitForStore(waitLimit(), line -> notice(err, line));
        modules.forEach(b::install);
        outboxes.forEach(b::outbox);
        for (Path rules : cfg.rules()) {
            b.rules(rules);
        }
        if (cfg.fromCatalog()) {
            b.rulesFromCatalog();
        }
        ScoreStore store = cfg.openStore();
        try (store) {
            return run(b.store(store).build(), cfg, problems, out);
        }
    }

    /** Counted down once the run's summary is printed: a stopped follow's shutdown hook waits for it. */
    private final java.util.concurrent.CountDownLatch summarized = new java.util.concurrent.CountDownLatch(1);

    private int run(Scoreline scoreline, RunConfig cfg, CountingProblems problems, PrintWriter out) {
        try {
            return runAndSummarize(scoreline, cfg, problems, out);
        } finally {
            out.flush();
            summarized.countDown();
        }
    }

    /**
     * Follows until polls run out or the process is told to stop (Ctrl-C, a kill). The wait between
     * polls is here, on a latch the shutdown hook opens, so a stop ends the wait at once and never
     * interrupts a poll's store writes (H2 fails a write on an interrupted thread); the hook then
     * waits (at most 30 s) until the sinks are closed and the summary is printed.
     */
    private RunReport followUntilStopped(Scoreline scoreline) {
        int[] left = {polls};
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                summarized.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scoreline-stop"));
        long pollMillis = (long) (pollSeconds * 1000);
        return scoreline.follow(java.time.Duration.ZERO, () -> {
            try {
                return !stop.await(pollMillis, java.util.concurrent.TimeUnit.MILLISECONDS) && (polls == 0 || left[0]-- > 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private int runAndSummarize(Scoreline scoreline, RunConfig cfg, CountingProblems problems, PrintWriter out) {
        RunReport report;
        if (follow) {
            report = followUntilStopped(scoreline);
        } else {
            try (Progress progress = new Progress(spec.commandLine().getErr(), !quiet)) {
                report = scoreline.run(r -> progress.tick(), progress);
            }
        }
        out.printf(Locale.ROOT, "scored %,d results from %,d records in %.2f s; %,d changed%s%s%n",
                report.results(), report.recordsRead(), report.took().toMillis() / 1000.0, report.changed(),
                report.cleared() == 0 ? "" : String.format(Locale.ROOT, ", %,d cleared", report.cleared()),
                report.runId() == null ? "" : " (history: " + report.runId() + ")");
        if (!follow) {
            out.println("  " + report.plan() + "; " + report.rescored() + " record" + (report.rescored() == 1 ? "" : "s")
                    + " scored");
        }
        DeliverySummary.print(report, out);
        report.statusCounts().forEach((score, counts) -> {
            Map<String, Long> before = report.statusCountsBefore().get(score);
            out.println("  " + score + ": " + counts + (before == null || before.equals(counts) ? ""
                    : " (before: " + (before.isEmpty() ? "no values" : before) + ")"));
        });
        if (problems.badLines() + problems.warnings() > 0) {
            // An incremental run reads only the lines of the records it re-scores: say the count is of those.
            out.println("  " + problems.badLines() + " bad lines skipped, " + problems.warnings() + " data warnings"
                    + (report.plan().startsWith("incremental") ? " in the lines this incremental run read" : ""));
        }
        out.flush();
        if (!report.complete()) {
            throw DeliverySummary.undelivered(report, cfg.outbox());
        }
        return Main.OK;
    }

    private static SinkOutbox outbox(RunConfig.Plugin sink) {
        try {
            return SinkOutbox.fromSettings(sink.id(), sink.settings());
        } catch (PluginSettingsException e) {
            throw Failures.pluginSetting(e);
        }
    }

    /** Without CONFIG: ./scoreline.yaml, else the quickstart; says which on stderr (a run should never guess silently). */
    private Path defaultConfig(PrintWriter err) {
        Path file = RunConfig.defaultFile();
        notice(err, RunConfig.defaultNotice(file));
        return file;
    }

    /** How long to wait for another run of the store: zero without --wait, unlimited with a bare --wait. */
    private java.time.Duration waitLimit() {
        if (wait == null) {
            return java.time.Duration.ZERO;
        }
        if (wait.isBlank()) {
            return java.time.Duration.ofDays(36_500);
        }
        try {
            return dev.scoreline.api.PluginSettings.of("--wait", Map.of("wait", wait)).duration("wait", null);
        } catch (PluginSettingsException e) {
            throw ScoresCommand.badArgument("--wait takes a duration such as 500ms, 30s, 5m, 1h or PT5S, not \"" + wait + "\"",
                    "write e.g. --wait=5m, or --wait alone to wait as long as it takes");
        }
    }

    /** A line about what the run does (which config, waiting for the store) on stderr, unless --quiet. */
    private void notice(PrintWriter err, String line) {
        if (!quiet) {
            err.println("scoreline run: " + line);
            err.flush();
        }
    }
}
