package dev.scoreline.bench;

import java.time.Instant;

/**
 * The Scoreline engine as a contender: the slot the engine plugs into.
 *
 * <p>It is not registered in {@link BenchmarkRunner} while {@link #AVAILABLE} is false, so no
 * table ever shows numbers for it that the engine did not produce. To plug the engine in:
 * <ol>
 *   <li>{@link #load}: parse {@link Scenario#scoreText()} (source name {@link Scenario#resource()}),
 *       compile it, and load the data from {@code data.folder()} (the jsonl data folder the
 *       DuckDB baseline also reads) through the jsonl adapter — everything that reads files or
 *       builds rule bases is load time;</li>
 *   <li>{@link #score}: score at {@code asOf} into {@code new ScoredSummary(scenario, data)}
 *       with {@link ScoredSummary#put(dev.scoreline.api.ScoreResult)} for every result, and return it;</li>
 *   <li>set {@link #AVAILABLE} to true.</li>
 * </ol>
 * The runner then measures it like every baseline and cross-checks its values record by record
 * against the hand-written evaluator.
 */
public final class EngineContender implements Contender {

    /** Whether the engine contender is implemented; the runner registers it only then. */
    public static final boolean AVAILABLE = false;

    private final int threads;

    public EngineContender(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "engine-" + threads + "t";
    }

    @Override
    public void load(Scenario scenario, DataSet data, Instant asOf) {
        throw new UnsupportedOperationException("the engine contender is not implemented yet (see EngineContender)");
    }

    @Override
    public ScoredSummary score(Scenario scenario, DataSet data, Instant asOf) {
        throw new UnsupportedOperationException("the engine contender is not implemented yet (see EngineContender)");
    }
}
