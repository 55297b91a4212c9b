package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.engine.Explanation;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.LoadedData;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Scores every record of a population for one evaluation instant: score by score (sorted by
 * name), records in key order, in chunks spread over the threads and written in order. At most
 * a few chunks are in flight, so memory does not grow with the number of records.
 */
public final class RunScorer {

    private final CompiledRuleBase program;
    private final LoadedData population;
    private final DroolsShapeMatcher matcher;
    private final Evaluator evaluator;
    private final NextChange nextChange;
    private final java.util.concurrent.atomic.AtomicLong outOfScope = new java.util.concurrent.atomic.AtomicLong();

    public RunScorer(CompiledRuleBase program, LoadedData population, long now, Function<Rule, String> ruleText,
                     AdjustmentIndex adjustments) {
        this.program = program;
        this.population = population;
        this.matcher = new DroolsShapeMatcher(program, population, now);
        this.evaluator = new Evaluator(program, population, matcher, ruleText);
        evaluator.use(adjustments);
        this.nextChange = evaluator.nextChange();
    }

    public long outOfScope() {
        return outOfScope.get();
    }

    public long sessions() {
        return matcher.sessions();
    }

    public long factsMatched() {
        return matcher.factsMatched();
    }

    /**
     * Scores the population's records (its selection, for a partial load), score by score. With
     * {@code withNextChange}, each result comes with the instant its record's values can next
     * change with time alone ({@link NextChange#NEVER} for never); without, with 0.
     */
    public long scoreAll(ExecutorService pool, int parallelism, int chunk, boolean withNextChange,
                         java.util.function.ObjLongConsumer<ScoreResult> out) throws InterruptedException {
        Map<String, int[]> byType = population.recordsByType();
        long written = 0;
        for (ProgramScore s : program.scores) {
            int[] records = byType.getOrDefault(s.type, new int[0]);
            Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < records.length || !inFlight.isEmpty()) {
                while (next < records.length && inFlight.size() < parallelism * 2) {
                    int from = next;
                    int to = Math.min(records.length, next + chunk);
                    next = to;
                    inFlight.add(pool.submit(() -> scoreChunk(s, records, from, to, withNextChange)));
                }
                Chunk done;
                try {
                    done = inFlight.removeFirst().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
                }
                for (int i = 0; i < done.results.length; i++) {
                    ScoreResult r = done.results[i];
                    if (r == null) {
                        outOfScope.incrementAndGet();
                    } else {
                        out.accept(r, done.nextChange == null ? 0 : done.nextChange[i]);
                        written++;
                    }
                }
            }
        }
        return written;
    }

    private record Chunk(ScoreResult[] results, long[] nextChange) { }

    /**
     * Scores a chunk. Its shapes, associations and events are matched when first read, what is new
     * in the chunk in one Drools session ({@link DroolsShapeMatcher}): the first chunks of the first
     * score of a type bring most of the new shapes, the later ones few or none.
     */
    private Chunk scoreChunk(ProgramScore s, int[] records, int from, int to, boolean withNextChange) {
        ScoreResult[] results = new ScoreResult[to - from];
        long[] next = withNextChange ? new long[to - from] : null;
        long now = matcher.now();
        DroolsShapeMatcher.Batch batch = new DroolsShapeMatcher.Batch(records, from, to);
        for (int k = from; k < to; k++) {
            results[k - from] = evaluator.score(s, records[k], batch);
            if (next != null && results[k - from] != null) {
                next[k - from] = nextChange.of(population, records[k], now);
            }
        }
        return new Chunk(results, next);
    }

    /**
     * One score of a record, explained without the steps behind each rule (what held and its
     * points); null when the record is not in the data or the score is not on its type.
     */
    public synchronized Explanation.ScoreExplanation explainScore(RecordKey key, String score) {
        Integer rec = population.indexOf(key);
        if (rec == null) {
            return null;
        }
        String type = population.shapes().recordShape(population.recordShape(rec)).type();
        for (ProgramScore s : program.scores) {
            if (s.definition.name().equals(score) && s.type.equals(type)) {
                return evaluator.explain(s, rec, false);
            }
        }
        return null;
    }

    /** Every score of the record's type, explained; empty when no score is on its type. */
    public Explanation explain(RecordKey key, String asOf) {
        Integer rec = population.indexOf(key);
        if (rec == null) {
            return null;
        }
        String type = population.shapes().recordShape(population.recordShape(rec)).type();
        List<Explanation.ScoreExplanation> scores = new ArrayList<>();
        for (ProgramScore s : program.scores) {
            if (s.type.equals(type)) {
                scores.add(evaluator.explain(s, rec));
            }
        }
        return new Explanation(key, asOf, scores);
    }
}
