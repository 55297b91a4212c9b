package dev.scoreline.runtime;

import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.api.ScorelineException;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.runtime.internal.delivery.ReliableSink;
import dev.scoreline.runtime.internal.running.CatalogRules;
import dev.scoreline.runtime.internal.running.FollowLoop;
import dev.scoreline.runtime.internal.running.RunSetup;
import dev.scoreline.runtime.internal.running.ScoringRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scoreline embedded in a host: plugins are Guice modules installed explicitly, rules are
 * {@code .score} texts, and {@link #run()} scores every record and hands the updates to every
 * sink through its outbox (see {@link SinkOutbox}), so a failing sink loses nothing. Every failure a user can
 * meet is a {@link ScorelineException} with its code (rule errors: a {@link RuleErrorsException}).
 *
 * <pre>{@code
 * Scoreline scoreline = Scoreline.builder()
 *         .install(ScorelineModule.adapter(new JsonlAdapter(Path.of("data"))))
 *         .install(ScorelineModule.sink("mine", mySink))
 *         .rules(Path.of("rules/lead.score"))
 *         .build();
 * RunReport report = scoreline.run();
 * }</pre>
 */
public final class Scoreline {

    private final RunSetup setup;

    private Scoreline(Builder b, CompiledScores scores, CrmAdapter adapter, Map<String, ScoreSink> sinks) {
        this.setup = new RunSetup(b.engine, scores, adapter, sinks, b.asOf,
                b.strict ? new dev.scoreline.runtime.internal.running.StrictData(b.problems) : b.problems, b.batch,
                b.store, b.fullRun, b.storeWait, b.storeNotices,
                b.store != null && !b.fromCatalog ? List.copyOf(b.rules) : List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The texts {@link Builder#rulesFromCatalog()} runs: the active version of every active score
     * of the store's catalog, for a host that scores them some other way (a backtest); none
     * active is SL505.
     */
    public static List<ScoreParser.SourceText> catalogRules(dev.scoreline.store.ScoreStore store) {
        return CatalogRules.active(store);
    }

    public CompiledScores scores() {
        return setup.scores();
    }

    /** Scores everything the adapter has at the configured instant (default: now) and delivers it. */
    public RunReport run() {
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
     * An interrupted run of these scores is resumed: same id, same NOW, so its committed changes
     * are delivered again (at least once) and nothing is written twice.
     */
    public RunReport run(Consumer<ScoreResult> observer) {
        return run(observer, RunProgress.NONE);
    }

    /** As {@link #run(Consumer)}, telling {@code progress} when loading starts and how much there is to score. */
    public RunReport run(Consumer<ScoreResult> observer, RunProgress progress) {
        return coded(() -> new ScoringRun(setup).run(observer, progress));
    }

    /**
     * Scores everything, delivers it, then follows the adapter's change feed: every {@code poll}
     * it applies what changed, moves the clock (decay and timeframes), and delivers only the
     * updates, until {@code keepGoing} says stop. NOW is the configured instant, or the wall clock.
     * With a store, the first pass is compared with it like a {@link #run()} (only what moved since
     * the last run is delivered), and each poll's updates are stored as one run of the history
     * ({@code follow-…-N}, with their causes) before any sink sees them.
     */
    public RunReport follow(Duration poll, BooleanSupplier keepGoing) {
        return coded(() -> new FollowLoop(setup).follow(poll, keepGoing));
    }

    /** What the layers below throw, as the coded failure it is for a user; a bug stays as it is. */
    private static <T> T coded(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw Failures.known(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    public static final class Builder {
        private final List<Module> modules = new ArrayList<>();
        private final List<ScoreParser.SourceText> rules = new ArrayList<>();
        private ScoreEngine engine = ScoreEngine.create();
        private String adapterName;
        private Instant asOf;
        private DataProblems problems = DataProblems.IGNORE;
        private boolean strict;
        private Path outboxDir = Path.of("scoreline-data", "outbox");
        private final Map<String, SinkOutbox> outboxes = new java.util.HashMap<>();
        private int batch = 1000;
        private dev.scoreline.store.ScoreStore store;
        private boolean fullRun;
        private boolean fromCatalog;
        private Duration storeWait = Duration.ZERO;
        private Consumer<String> storeNotices = line -> { };

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
                    throw new ScorelineException(ErrorCode.RULES_UNREADABLE, "cannot read the rules file " + f + ": "
                            + (Files.exists(f) ? e.getMessage() : "no such file"), "give a .score file that exists", e);
                }
            }
            return this;
        }

        public Builder rules(String source, String text) {
            rules.add(new ScoreParser.SourceText(source, text));
            return this;
        }

        /**
         * Runs the store's catalog instead of given rules: the active version of every active score
         * ({@code scoreline scores activate}); drafts never run. Needs a {@link #store}.
         */
        public Builder rulesFromCatalog() {
            this.fromCatalog = true;
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

        /**
         * A bad data line fails a run ({@code SL804}) before anything is stored or delivered; the
         * data no score reads (the events) is read too, so its bad lines count (default: bad lines
         * are skipped and counted).
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
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

        /**
         * How long a run (or follow) waits when another run holds the store (default zero: it fails
         * at once with {@code SL604}, naming that run); {@code notices} hears, in a line, that it
         * waits, or that it took over the lock of a run that died.
         */
        public Builder waitForStore(Duration wait, Consumer<String> notices) {
            this.storeWait = java.util.Objects.requireNonNull(wait, "wait");
            this.storeNotices = java.util.Objects.requireNonNull(notices, "notices");
            return this;
        }

        /** Updates handed to the sinks at a time (default 1000). */
        public Builder batch(int batch) {
            this.batch = Math.max(1, batch);
            return this;
        }

        /** The host, ready to run; a failure to wire the plugins is a coded {@link ScorelineException}. */
        public Scoreline build() {
            return coded(this::assemble);
        }

        private Scoreline assemble() {
            if (fromCatalog) {
                if (store == null || !rules.isEmpty()) {
                    throw new ScorelineException(ErrorCode.NO_RULES, store == null ? "rules from the catalog need a store"
                            : "both rules and the catalog were given", "give a store and no rules with rulesFromCatalog()");
                }
                rules.addAll(CatalogRules.active(store, true));
            }
            if (rules.isEmpty() && !fromCatalog) {
                throw new ScorelineException(ErrorCode.NO_RULES, "no rules were given", "give at least one .score file or text");
            }
            ParseResult parsed = ScoreParser.parseAll(rules);
            if (parsed.hasErrors()) {
                throw new RuleErrorsException(parsed.diagnostics());
            }
            Injector injector = Plugins.injector(modules);
            CrmAdapter adapter = Plugins.adapter(injector, adapterName, "adapter(name)");
            Map<String, ScoreSink> sinks = new LinkedHashMap<>();
            injector.getInstance(ScorelineBinder.SINKS).forEach((name, sink) -> {
                SinkOutbox outbox = outboxes.getOrDefault(name, SinkOutbox.DEFAULT);
                sinks.put(name, ReliableSink.wrap(name, sink, outbox.fileIn(outboxDir, name), outbox));
            });
            return new Scoreline(this, engine.compile(parsed.definitions()), adapter, sinks);
        }
    }
}
