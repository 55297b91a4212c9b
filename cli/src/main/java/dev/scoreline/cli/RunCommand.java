package dev.scoreline.cli;

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
import java.util.concurrent.atomic.AtomicLong;
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
            description = "The YAML config (default: examples/quickstart/scoreline.yaml of the installation).")
    Path config;

    @picocli.CommandLine.Option(names = "--follow",
            description = "After scoring everything, keep following the adapter's change feed.")
    boolean follow;

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
        RunConfig cfg = RunConfig.read(config != null ? config : defaultConfig());
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
        CountingProblems problems = new CountingProblems(err);
        Scoreline.Builder b = Scoreline.builder().problems(problems).outbox(cfg.outbox()).asOf(cfg.asOf())
                .fullRun(full);
        modules.forEach(b::install);
        outboxes.forEach(b::outbox);
        for (Path rules : cfg.rules()) {
            b.rules(rules);
        }
        ScoreStore store = cfg.openStore();
        try (store) {
            return run(b.store(store).build(), cfg, problems, out);
        }
    }

    private int run(Scoreline scoreline, RunConfig cfg, CountingProblems problems, PrintWriter out) {
        RunReport report;
        if (follow) {
            int[] left = {polls};
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt));
            report = scoreline.follow(java.time.Duration.ofMillis((long) (pollSeconds * 1000)),
                    () -> polls == 0 ? !Thread.currentThread().isInterrupted() : left[0]-- > 0);
        } else {
            Progress progress = new Progress(spec.commandLine().getErr());
            report = scoreline.run(r -> progress.tick());
            progress.done();
        }
        out.printf(Locale.ROOT, "scored %d results from %d records in %.2f s; %d changed%s; %d updates delivered to %d sink%s%s",
                report.results(), report.recordsRead(), report.took().toMillis() / 1000.0, report.changed(),
                report.runId() == null ? "" : " (history: " + report.runId() + ")", report.delivered(),
                cfg.sinks().size(), cfg.sinks().size() == 1 ? "" : "s", cfg.sinks().isEmpty() ? ""
                        : " (" + String.join(", ", cfg.sinks().stream().map(RunConfig.Plugin::id).toList()) + ")");
        out.println(report.pendingInOutboxes() > 0 ? "; " + report.pendingInOutboxes()
                + " kept in outboxes for the next run" : "");
        if (!follow) {
            out.println("  " + report.plan() + "; " + report.rescored() + " record" + (report.rescored() == 1 ? "" : "s")
                    + " scored");
        }
        report.statusCounts().forEach((score, counts) -> {
            Map<String, Long> before = report.statusCountsBefore().get(score);
            out.println("  " + score + ": " + counts + (before == null || before.equals(counts) ? ""
                    : " (before: " + (before.isEmpty() ? "no values" : before) + ")"));
        });
        if (problems.badLines() + problems.warnings() > 0) {
            out.println("  " + problems.badLines() + " bad lines skipped, " + problems.warnings() + " data warnings");
        }
        out.flush();
        if (report.pendingInOutboxes() > 0) {
            throw new ScorelineException(ErrorCode.UNDELIVERED, report.pendingInOutboxes() + " update"
                    + (report.pendingInOutboxes() == 1 ? "" : "s") + " kept undelivered in the outboxes under " + cfg.outbox(),
                    "check that the sinks' targets (files, URLs, tables) can take them; the next run delivers them first");
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

    private static Path defaultConfig() {
        String home = System.getProperty("scoreline.home", ".");
        return Path.of(home, "examples", "quickstart", "scoreline.yaml");
    }

    /** A progress line on a terminal for long runs; silent when stderr is not a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final AtomicLong count = new AtomicLong();
        private long lastPrint = System.nanoTime();

        Progress(PrintWriter err) {
            this.err = err;
        }

        void tick() {
            long n = count.incrementAndGet();
            if (terminal && System.nanoTime() - lastPrint > 500_000_000L) {
                lastPrint = System.nanoTime();
                err.print("\rscoring… " + n + " results");
                err.flush();
            }
        }

        void done() {
            if (terminal && count.get() > 0) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
