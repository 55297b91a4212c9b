package dev.scoreline.engine;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.internal.compile.CompileCache;
import dev.scoreline.engine.internal.compile.RuleBaseCompiler;
import dev.scoreline.engine.internal.data.LoadedData;
import dev.scoreline.engine.internal.eval.RunScorer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The scoring engine: compiles score definitions into Drools rule bases (cached by what the
 * definitions say), reads data from an adapter, scores every in-scope record and explains.
 *
 * <pre>{@code
 * ScoreEngine engine = ScoreEngine.create();
 * CompiledScores scores = engine.compile(definitions);
 * ScoringData data = engine.load(scores, adapter, problems);
 * engine.score(data, Instant.now(), result -> ...);
 * }</pre>
 *
 * <p>The data knows the compiled scores it was loaded for, so scoring and explaining take the
 * data alone.
 */
public final class ScoreEngine {

    /**
     * How many compiled definition sets an engine keeps: a host's active scores and the drafts it
     * previews fit many times over, while a host that compiles a new text after every edit holds
     * at most this many rule bases (each some megabytes) rather than all it ever built.
     */
    static final int COMPILE_CACHE_SIZE = 16;

    private final CompileCache<List<ScoreDefinition>, CompiledScores> cache = new CompileCache<>(COMPILE_CACHE_SIZE);
    private final int threads;
    private final int chunk;
    private final Function<Rule, String> ruleText;

    private ScoreEngine(int threads, int chunk, Function<Rule, String> ruleText) {
        this.threads = threads;
        this.chunk = chunk;
        this.ruleText = ruleText;
    }

    /** An engine using every core. */
    public static ScoreEngine create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunk = 2048;
        private Function<Rule, String> ruleText = RuleText::of;

        /** Threads that score in parallel (default: the number of cores). */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        /** Records scored together, in one Drools session for their new shapes (default 2048). */
        public Builder chunk(int chunk) {
            this.chunk = Math.max(1, chunk);
            return this;
        }

        public ScoreEngine build() {
            return new ScoreEngine(threads, chunk, ruleText);
        }
    }

    /**
     * Compiles validated definitions. The same definitions give the same rule base, built once
     * while it is among the {@value #COMPILE_CACHE_SIZE} definition sets compiled most recently
     * (after that, compiling them again builds it again).
     */
    public CompiledScores compile(List<ScoreDefinition> definitions) {
        return cache.get(List.copyOf(definitions), d -> new CompiledScores(RuleBaseCompiler.compile(d)));
    }

    /** Definition sets whose rule bases are kept now (for tests of the bound). */
    int compiledKept() {
        return cache.size();
    }

    /** Reads all data of an adapter; bad data is reported to {@code problems} and left out. */
    public ScoringData load(CompiledScores scores, CrmAdapter adapter, DataProblems problems) {
        return new ScoringData(LoadedData.load(scores.program, adapter, problems), scores);
    }

    /**
     * Reads what a load left out because no score reads it (the events, {@link ScoringData#eventsSkipped}),
     * only so that its bad lines reach {@code problems}: for a strict run, which fails on any bad
     * line of the data, read or not. Nothing read here is kept.
     */
    public void checkSkipped(ScoringData data, CrmAdapter adapter, DataProblems problems) {
        if (!data.eventsSkipped()) {
            return;
        }
        adapter.open(problems);
        try (java.util.stream.Stream<dev.scoreline.api.CrmEvent> events = adapter.events()) {
            events.forEach(e -> { });
        }
    }

    /**
     * Reads only what re-scoring some records needs, for a run that re-scores what changed or fell
     * due rather than everything: {@link #score} then scores the {@code changed} records, the
     * records associated with them whose scores read associations, and the {@code due} ones (see
     * {@link ScoringData#scoredRecords()}). The adapter's streams are still read once each; what
     * the selection does not need is dropped as it passes.
     */
    public ScoringData load(CompiledScores scores, CrmAdapter adapter, DataProblems problems,
                            java.util.Set<RecordKey> changed, java.util.Set<RecordKey> due) {
        return new ScoringData(LoadedData.load(scores.program, adapter, problems, changed, due), scores);
    }

    /**
     * Scores every in-scope record of every score, at {@code now}. Results reach {@code out} in
     * order of score name, then record key, on the calling thread.
     */
    public RunSummary score(ScoringData data, Instant now, Consumer<ScoreResult> out) {
        return score(data, now, false, (r, next) -> out.accept(r));
    }

    /**
     * As {@link #score(ScoringData, Instant, Consumer)}, each result with the
     * instant its record's values can next change with time alone (a decay step, an event leaving
     * a timeframe, a date entering or leaving a window, an event after NOW becoming visible), or
     * null when they cannot: a store keeps it, so the next run re-scores only what fell due.
     */
    public RunSummary scoreWithNextChange(ScoringData data, Instant now,
                                          java.util.function.BiConsumer<ScoreResult, Instant> out) {
        return score(data, now, true, (r, next) ->
                out.accept(r, next == dev.scoreline.engine.internal.eval.NextChange.NEVER ? null : Instant.ofEpochMilli(next)));
    }

    private RunSummary score(ScoringData data, Instant now, boolean withNextChange,
                             java.util.function.ObjLongConsumer<ScoreResult> out) {
        long start = System.nanoTime();
        // Kept by the data: explainer() then reuses this run's matches for the explanations of its changes.
        RunScorer scorer = data.newRun(now.toEpochMilli(), ruleText);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scoreline-scorer");
            t.setDaemon(true);
            return t;
        });
        try {
            long written = scorer.scoreAll(pool, threads, chunk, withNextChange, out);
            return new RunSummary(written, scorer.outOfScope(), scorer.sessions(), scorer.factsMatched(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Loads an adapter's data, scores everything at {@code now}, and keeps following changes:
     * see {@link LiveScores}.
     */
    public LiveScores live(CompiledScores scores, CrmAdapter adapter, DataProblems problems, Instant now) {
        return new LiveScores(new dev.scoreline.engine.internal.live.LiveEngine(scores.program, adapter, problems,
                now.toEpochMilli(), ruleText));
    }

    /**
     * Explains one score of one record at a time at {@code now}, reusing what it matched for the
     * records before (a run's history names the rules behind each changed value this way).
     */
    public Explainer explainer(ScoringData data, Instant now) {
        RunScorer scorer = data.explaining(now.toEpochMilli(), ruleText);
        return (record, score) -> Optional.ofNullable(scorer.explainScore(record, score));
    }

    /** Explains every score on the record's type; empty when the record is not in the data. */
    public Optional<Explanation> explain(ScoringData data, RecordKey record, Instant now) {
        RunScorer scorer = data.explaining(now.toEpochMilli(), ruleText);
        return Optional.ofNullable(scorer.explain(record, now.toString()));
    }

}
