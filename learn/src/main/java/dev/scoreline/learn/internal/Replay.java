package dev.scoreline.learn.internal;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.learn.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;

/**
 * Scores the data at each snapshot D (NOW = D, so no event after D is seen) and again at D + the
 * window, where only the outcome's end is read. At D the population is the records whose start
 * happened and whose end did not; one of them converted when its end happened by D + window.
 * Records are numbered in the order the engine first gives them.
 */
public final class Replay {

    /** What a replay hands on, snapshot by snapshot. */
    public interface Listener {
        /** A result of a score other than the outcome, at snapshot {@code snapshot}, of record number {@code record}. */
        void result(int snapshot, int record, ScoreResult result);

        /** The snapshot's population (record numbers, ascending) and whether each converted. */
        void snapshot(int snapshot, int[] population, boolean[] converted);
    }

    private final Numbering<RecordKey> numbers = new Numbering<>();

    public RecordKey key(int record) {
        return numbers.get(record);
    }

    public int records() {
        return numbers.size();
    }

    private int number(RecordKey key) {
        return numbers.id(key);
    }

    /**
     * {@code data} was loaded for the scores, {@code outcomes} for the outcome's definition alone:
     * the scores are scored once per snapshot, the outcome (two rules, cheap) at D and at D + window.
     */
    public void run(ScoreEngine engine, ScoringData data, ScoringData outcomes, Outcome outcome, List<Instant> snapshots,
                    Listener listener) {
        for (int s = 0; s < snapshots.size(); s++) {
            Instant d = snapshots.get(s);
            BitSet started = new BitSet(), ended = new BitSet(), endedByWindow = new BitSet();
            final int snapshot = s;
            engine.score(outcomes, d, r -> {
                int record = number(r.record());
                started.set(record, positive(r, "start"));
                ended.set(record, positive(r, "end"));
            });
            engine.score(data, d, r -> listener.result(snapshot, number(r.record()), r));
            engine.score(outcomes, d.plus(Duration.ofDays(outcome.windowDays())), r -> {
                if (r.score().equals(Outcome.SCORE_NAME) && positive(r, "end")) {
                    endedByWindow.set(number(r.record()));
                }
            });
            started.andNot(ended);
            int[] population = started.stream().toArray();
            boolean[] converted = new boolean[population.length];
            for (int i = 0; i < population.length; i++) {
                converted[i] = endedByWindow.get(population[i]);
            }
            listener.snapshot(s, population, converted);
        }
    }

    private static boolean positive(ScoreResult r, String group) {
        BigDecimal v = r.groups().get(group);
        return v != null && v.signum() > 0;
    }
}
