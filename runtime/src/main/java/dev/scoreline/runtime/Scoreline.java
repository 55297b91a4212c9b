package dev.scoreline.runtime;

import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.engine.LiveScores;
import dev.scoreline.engine.RunSummary;
import dev.scoreline.api.ScorelineException;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.runtime.internal.delivery.ReliableSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scoreline embedded in a host: plugins are Guice modules installed explicitly, rules are
 * {@code .score} texts, and {@link #run()} scores every record and hands the updates to every
 * sink through its outbox (see {@link SinkOutbox}), so a failing sink loses nothing.
 *
 * <pre>{@code
 * Scoreline scoreline = Scoreline.builder()
 *         .install(ScorelineModule.adapter(new JsonlAdapter(Path.of("data"))))
 *         .install(ScorelineModule.sink("mine", mySink))
 *         .rules(Path.of("rules/lead.score"))
 *         .build();
 * Scoreline.Report report = scoreline.run();
 * }</pre>
 */
public final class Scoreline {

    private final ScoreEngine engine;
    private final CompiledScores scores;
    private final CrmAdapter adapter;
    private final Map<String, ScoreSink> sinks;
    private final Instant asOf;
    private final DataProblems problems;
    private final int batch;
    private final dev.scoreline.store.ScoreStore store;
    private final boolean fullRun;

    private Scoreline(Builder b, CompiledScores scores, CrmAdapter adapter, Map<String, ScoreSink> sinks) {
        this.engine = b.engine;
        this.scores = scores;
        this.adapter = adapter;
        this.sinks = sinks;
        this.asOf = b.asOf;
        this.problems = b.problems;
        this.batch = b.batch;
        this.store = b.store;
        this.fullRun = b.fullRun;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CompiledScores scores() {
        return scores;
    }

    /**
     * What a run did. With a store, {@code changed} counts the results whose value or status moved
     * (only those reach the sinks) and {@code runId} names the run in the history; without one,
     * every result is delivered and counted as changed. {@code rescored} is how many records were
     * scored and {@code plan} says why: every record ({@code full: …}), or only what changed in the
     * adapter's feed and what fell due ({@code incremental: …}). {@code statusCounts} are the
     * records per status of each score after the run; with a store, {@code statusCountsBefore} are
     * those before it (empty without a store).
     */
    public record Report(long recordsRead, long results, long changed, long delivered, long pendingInOutboxes,
                         Map<String, Map<String, Long>> statusCounts, String runId, Duration took,
                         long rescored, String plan, Map<String, Map<String, Long>> statusCountsBefore) { }

    /** Scores everything the adapter has at the configured instant (default: now) and delivers it. */
    public Report run() {
        return run(r -> { });
    }

    /**
     * As {@link #run()}, also showing each result to {@code observer} (progress, custom output).
     *
     * <p>With a store and an adapter that has a change feed, a run after a finished one re-scores
     * only the records that changed since (the feed, from the watermark that run kept), the
     * records associated with them whose scores read associations, and the records whose value
     * could move with time alone by NOW (the next-change instant each run keeps per record);
     * every other record keeps its stored value, which is exactly what a full run would give it.
     * It scores everything when that cannot be known: the first run, a changed definition, another
     * adapter, a NOW before the last run's, a watermark the feed refuses, or {@link Builder#fullRun}.
     */
    public Report run(Consumer<ScoreResult> observer) {
        long start = System.nanoTime();
        Instant now = asOf == null ? Instant.now() : asOf;
        String runId = "run-" + java.util.UUID.randomUUID();
        boolean resumed = false;
        if (store != null) {
            // An interrupted run of these scores is resumed: same id, same NOW, so its committed
            // changes are delivered again (at least once) and nothing is written twice.
            java.util.Set<String> names = new java.util.HashSet<>(scoreNames());
            for (var unfinished : store.unfinishedRuns()) {
                if (names.contains(unfinished.score())) {
                    runId = unfinished.runId();
                    resumed = true;
                    if (asOf == null) {
                        now = unfinished.at();
                    }
                    break;
                }
            }
        }
        RunPlan plan = RunPlan.make(store, adapter, scores.definitions(), now, runId, resumed, fullRun);
        ScoringData data;
        try (CrmAdapter a = adapter) {
            data = plan.incremental() ? engine.load(scores, a, problems, plan.changed(), plan.due())
                    : engine.load(scores, a, problems);
        }
        Map<String, Map<String, Long>> statusCounts = new TreeMap<>();
        Map<String, Map<String, Long>> before = new TreeMap<>();
        List<ScoreUpdate> pending = new ArrayList<>(batch);
        long[] delivered = {0};
        long[] changed = {0};
        for (ScoreSink s : sinks.values()) {
            open(s);
        }
        dev.scoreline.store.ScoreStore.RunApplication application = null;
        if (store != null) {
            application = store.beginRun(scoreNames(), now, runId,
                    plan.cause(runId, data, ValueText.withRules(engine, data, now)), null, b -> {
                        changed[0] += b.changes().size();
                        delivered[0] += deliverAll(b.changes());
                    });
            if (plan.incremental()) {
                application.onlyRecords(data.selection());
            }
        }
        Instant when = now;
        var app = application;
        java.util.function.BiConsumer<ScoreResult, Instant> each = (r, nextChange) -> {
            observer.accept(r);
            statusCounts.computeIfAbsent(r.score(), k -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
            if (app != null) {
                app.accept(r, nextChange);
                return;
            }
            changed[0]++;
            pending.add(new ScoreUpdate(r, null, null, when, "scored"));
            if (pending.size() == batch) {
                delivered[0] += deliver(pending);
                pending.clear();
            }
        };
        RunSummary summary = plan.keepsPosition()
                ? engine.scoreWithNextChange(data, now, each)
                : engine.score(data, now, r -> each.accept(r, null));
        if (app != null) {
            Map<String, dev.scoreline.store.ScoreDiff> diffs = app.finish(plan::position);
            // With a store the counts are the store's: records not re-scored keep their values.
            diffs.forEach((name, diff) -> {
                statusCounts.put(name, new TreeMap<>(diff.after()));
                before.put(name, new TreeMap<>(diff.before()));
            });
        }
        delivered[0] += deliver(pending);
        long outbox = closeAll();
        return new Report(data.recordsRead(), summary.results(), changed[0], delivered[0], outbox, statusCounts,
                store == null ? null : runId, Duration.ofNanos(System.nanoTime() - start), data.scoredRecords(),
                plan.describe(), before);
    }

    private List<String> scoreNames() {
        return scores.definitions().stream().map(d -> d.name()).toList();
    }

    /** The cause a run gives a changed result in the history: the run, then the value as {@code text} states it. */
    static java.util.function.Function<ScoreResult, String> runCause(String runId, ValueText text) {
        return r -> "run " + runId + ": " + text.of(r);
    }

    /**
     * Scores everything, delivers it, then follows the adapter's change feed: every {@code poll}
     * it applies what changed, moves the clock (decay and timeframes), and delivers only the
     * updates, until {@code keepGoing} says stop. NOW is the configured instant, or the wall clock.
     * With a store, the first pass is compared with it like a {@link #run()} (only what moved since
     * the last run is delivered), and each poll's updates are stored as one run of the history
     * ({@code follow-…-N}, with their causes) before any sink sees them.
     */
    public Report follow(Duration poll, java.util.function.BooleanSupplier keepGoing) {
        long start = System.nanoTime();
        var feed = adapter.changeFeed().orElseThrow(() -> new ScorelineException(ErrorCode.NO_CHANGE_FEED, "adapter " + adapter.name()
                + " has no change feed, so it cannot be followed", "run without --follow"));
        Map<String, Map<String, Long>> statusCounts = new TreeMap<>();
        long delivered = 0;
        long results = 0;
        String followId = "follow-" + java.util.UUID.randomUUID();
        for (ScoreSink s : sinks.values()) {
            open(s);
        }
        try {
            Instant now = asOf == null ? Instant.now() : asOf;
            // Taken before the data is read: a change landing meanwhile is applied again, not missed.
            String watermark = feed.currentWatermark();
            LiveScores live = engine.live(scores, adapter, problems, now);
            List<ScoreResult> all = new ArrayList<>(live.results());
            all.sort(java.util.Comparator.comparing(ScoreResult::score).thenComparing(ScoreResult::record));
            for (ScoreResult r : all) {
                statusCounts.computeIfAbsent(r.score(), k -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
            }
            results += all.size();
            if (store != null) {
                // The first pass is a run like any other: the store says what moved since the last one.
                long[] moved = {0};
                var app = store.beginRun(scoreNames(), now, followId, runCause(followId, ValueText.groupsOnly()), null,
                        b -> moved[0] += deliverAll(b.changes()));
                all.forEach(app);
                app.finish();
                delivered += moved[0];
            } else {
                List<ScoreUpdate> initial = new ArrayList<>(all.size());
                for (ScoreResult r : all) {
                    initial.add(new ScoreUpdate(r, null, null, now, "scored"));
                }
                delivered += deliverAll(initial);
            }
            for (long round = 1; keepGoing.getAsBoolean(); round++) {
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                now = asOf == null ? Instant.now() : asOf;
                var batch = feed.changesSince(watermark);
                List<ScoreUpdate> updates = new ArrayList<>();
                for (var change : batch.changes()) {
                    updates.addAll(live.apply(change, now));
                }
                updates.addAll(live.advanceTo(now));
                if (store != null) {
                    // Each poll is one run in the history; its updates are stored before any sink sees them.
                    updates = store.record(followId + "-" + round, updates);
                }
                watermark = batch.nextWatermark();
                delivered += deliverAll(updates);
                for (ScoreSink s : sinks.values()) {
                    flushQuietly(s);
                }
            }
        } finally {
            adapter.close();
        }
        long outbox = closeAll();
        return new Report(0, results, delivered, delivered, outbox, statusCounts, store == null ? null : followId,
                Duration.ofNanos(System.nanoTime() - start), results, "follow", Map.of());
    }

    private long deliverAll(List<ScoreUpdate> updates) {
        long n = 0;
        for (int i = 0; i < updates.size(); i += batch) {
            n += deliver(updates.subList(i, Math.min(updates.size(), i + batch)));
        }
        return n;
    }

    private void flushQuietly(ScoreSink s) {
        try {
            s.flush();
        } catch (Exception e) {
            problems.warning("sink " + s.name(), 0, "could not flush: " + e.getMessage()
                    + "; what it did not take stays in its outbox for the next run");
        }
    }

    /** Flushes and closes every sink; returns how many updates wait in outboxes. */
    private long closeAll() {
        long outbox = 0;
        for (ScoreSink s : sinks.values()) {
            flushQuietly(s);
            try {
                s.close();
            } catch (Exception e) {
                problems.warning("sink " + s.name(), 0, "could not close: " + e.getMessage());
            }
            if (s instanceof ReliableSink r) {
                outbox += r.pending();
            }
        }
        return outbox;
    }

    private void open(ScoreSink s) {
        try {
            s.open();
        } catch (Exception e) {
            throw new ScorelineException(ErrorCode.SINK_OPEN, "sink " + s.name() + " could not open: " + e.getMessage(),
                    "check the sink's settings and that its target can be written", e);
        }
    }

    private long deliver(List<ScoreUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        List<ScoreUpdate> copy = List.copyOf(updates);
        for (ScoreSink s : sinks.values()) {
            try {
                s.write(copy);
            } catch (Exception e) {
                // A ReliableSink never throws for a refused batch (it keeps it); a bare sink might.
                throw new ScorelineException(ErrorCode.SINK_FAILED, "sink " + s.name() + " failed: " + e.getMessage(),
                        "check the sink's target; run again once it works", e);
            }
        }
        return copy.size();
    }

    public static final class Builder {
        private final List<Module> modules = new ArrayList<>();
        private final List<ScoreParser.SourceText> rules = new ArrayList<>();
        private ScoreEngine engine = ScoreEngine.create();
        private String adapterName;
        private Instant asOf;
        private DataProblems problems = DataProblems.IGNORE;
        private Path outboxDir = Path.of("scoreline-data", "outbox");
        private final Map<String, SinkOutbox> outboxes = new java.util.HashMap<>();
        private int batch = 1000;
        private dev.scoreline.store.ScoreStore store;
        private boolean fullRun;

        /** Installs a plugin: a Guice module that binds adapters and sinks through {@link ScorelineBinder}. */
        public Builder install(Module... modules) {
            this.modules.addAll(List.of(modules));
            return this;
        }

        public Builder rules(Path... files) {
            for (Path f : files) {
                try {
                    rules.add(new ScoreParser.SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
            return this;
        }

        public Builder rules(String source, String text) {
            rules.add(new ScoreParser.SourceText(source, text));
            return this;
        }

        /** Which bound adapter to read (needed only when more than one is bound). */
        public Builder adapter(String name) {
            this.adapterName = name;
            return this;
        }

        /** The evaluation instant NOW (default: the time of each run). */
        public Builder asOf(Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder engine(ScoreEngine engine) {
            this.engine = engine;
            return this;
        }

        /** Where bad data and warnings are reported (default: nowhere). */
        public Builder problems(DataProblems problems) {
            this.problems = problems;
            return this;
        }

        /** The folder of the sinks' durable outboxes (default {@code scoreline-data/outbox}). */
        public Builder outbox(Path dir) {
            this.outboxDir = dir;
            return this;
        }

        /** How the sink bound under {@code sinkName} is retried and where its outbox is (default {@link SinkOutbox#DEFAULT}). */
        public Builder outbox(String sinkName, SinkOutbox outbox) {
            this.outboxes.put(sinkName, java.util.Objects.requireNonNull(outbox, "outbox"));
            return this;
        }

        /**
         * Keeps current values and history in a store: each run then records what changed, with
         * its cause, and the sinks receive only the results whose value or status moved.
         */
        public Builder store(dev.scoreline.store.ScoreStore store) {
            this.store = store;
            return this;
        }

        /**
         * Makes every {@link #run()} score every record, even when the store and the adapter's
         * change feed would let it re-score only what changed or fell due (for data edited in
         * place, which no change feed reports).
         */
        public Builder fullRun(boolean fullRun) {
            this.fullRun = fullRun;
            return this;
        }

        /** Updates handed to the sinks at a time (default 1000). */
        public Builder batch(int batch) {
            this.batch = Math.max(1, batch);
            return this;
        }

        public Scoreline build() {
            if (rules.isEmpty()) {
                throw new ScorelineException(ErrorCode.NO_RULES, "no rules were given", "give at least one .score file or text");
            }
            ParseResult parsed = ScoreParser.parseAll(rules);
            if (parsed.hasErrors()) {
                throw new RuleErrorsException(parsed.diagnostics());
            }
            Injector injector = Guice.createInjector(modules);
            Map<String, CrmAdapter> adapters = injector.getInstance(ScorelineBinder.ADAPTERS);
            CrmAdapter adapter;
            if (adapterName != null) {
                adapter = adapters.get(adapterName);
                if (adapter == null) {
                    throw new ScorelineException(ErrorCode.ADAPTER_CHOICE, "no adapter named \"" + adapterName + "\"",
                            "choose one of the installed adapters " + adapters.keySet());
                }
            } else if (adapters.size() == 1) {
                adapter = adapters.values().iterator().next();
            } else {
                throw new ScorelineException(ErrorCode.ADAPTER_CHOICE, adapters.isEmpty() ? "no adapter installed"
                        : "several adapters installed " + adapters.keySet(), adapters.isEmpty()
                        ? "install one, e.g. ScorelineModule.adapter(new JsonlAdapter(dir))" : "choose one with adapter(name)");
            }
            Map<String, ScoreSink> sinks = new LinkedHashMap<>();
            injector.getInstance(ScorelineBinder.SINKS).forEach((name, sink) -> {
                SinkOutbox outbox = outboxes.getOrDefault(name, SinkOutbox.DEFAULT);
                sinks.put(name, ReliableSink.wrap(sink, outbox.fileIn(outboxDir, name), outbox));
            });
            return new Scoreline(this, engine.compile(parsed.definitions()), adapter, sinks);
        }
    }
}
