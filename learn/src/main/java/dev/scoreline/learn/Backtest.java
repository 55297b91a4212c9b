package dev.scoreline.learn;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.learn.internal.HeldData;
import dev.scoreline.learn.internal.Measures;
import dev.scoreline.learn.internal.Replay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Replays the data as of each snapshot and measures how each score's values and statuses then
 * predicted the outcome within the window (docs/outcomes.md). Every snapshot is scored by the
 * engine with NOW = the snapshot, so later events never leak in; properties are as the data holds
 * them now, which the data cannot avoid.
 */
public final class Backtest {

    private Backtest() { }

    /** What a backtest rests on and gives: the snapshots and one result per score, in the order given. */
    public record Result(List<Instant> snapshots, Outcome outcome, List<ScoreBacktest> scores) {
        public Result {
            snapshots = List.copyOf(snapshots);
            scores = List.copyOf(scores);
        }
    }

    /**
     * Loads the data once for the scores and the outcome, and backtests every score over the
     * snapshots ({@code everyDays} null: monthly). The data is read from {@code adapters} once and
     * held: the first event, the scores' load and the outcome's all read the copy.
     */
    public static Result run(ScoreEngine engine, List<ScoreDefinition> scores, Outcome outcome,
                             Supplier<CrmAdapter> adapters, DataProblems problems,
                             Instant now, Integer everyDays) {
        checkScores(scores, outcome);
        HeldData held = HeldData.read(adapters.get(), problems);
        List<Instant> snapshots = Snapshots.of(held, outcome.objectType(), now, everyDays, outcome.windowDays());
        ScoringData data = load(engine, scores, () -> held, problems);
        return new Result(snapshots, outcome, measure(engine, data, outcomes(engine, outcome, held), outcome,
                snapshots, scores.stream().map(ScoreDefinition::name).toList()));
    }

    /** The data loaded for {@code definitions}, reporting its problems. */
    static ScoringData load(ScoreEngine engine, List<ScoreDefinition> definitions, Supplier<CrmAdapter> adapters,
                            DataProblems problems) {
        try (CrmAdapter crm = adapters.get()) {
            return engine.load(engine.compile(definitions), crm, problems);
        }
    }

    /**
     * The data loaded for the outcome's definition alone (its problems were reported by the other
     * load): scoring it at D and at D + window is cheap however many scores are replayed. Only the
     * records of its type and the events of its start's and end's types are loaded: no other can
     * change what its two rules give.
     */
    static ScoringData outcomes(ScoreEngine engine, Outcome outcome, HeldData held) {
        CrmAdapter only = held.only(outcome.objectType(), new java.util.HashSet<>(List.of(outcome.start().type(), outcome.end().type())));
        return load(engine, List.of(outcome.definition()), () -> only, DataProblems.IGNORE);
    }

    /** Every score on the outcome's type, none named as the outcome's own definition: SL509 otherwise. */
    static void checkScores(List<ScoreDefinition> scores, Outcome outcome) {
        for (ScoreDefinition d : scores) {
            if (d.name().equals(Outcome.SCORE_NAME)) {
                throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "score \"" + d.name() + "\" has the name the outcome uses",
                        "rename the score; \"" + Outcome.SCORE_NAME + "\" is kept for the outcome");
            }
            if (!d.objectType().equalsIgnoreCase(outcome.objectType())) {
                throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "score \"" + d.name() + "\" is on " + d.objectType()
                        + " records but the outcome is on " + outcome.objectType() + " records",
                        "backtest scores of one object type together, the type of the outcome (--type)");
            }
        }
    }

    /** The measures of the named scores over the snapshots, on data loaded with them and the outcome. */
    static List<ScoreBacktest> measure(ScoreEngine engine, ScoringData data, ScoringData outcomes, Outcome outcome,
                                       List<Instant> snapshots, List<String> scoreNames) {
        Map<String, Measures> measures = new LinkedHashMap<>();
        Map<String, Map<Integer, ScoreResult>> current = new HashMap<>();
        for (String s : scoreNames) {
            measures.put(s, new Measures());
            current.put(s, new HashMap<>());
        }
        new Replay().run(engine, data, outcomes, outcome, snapshots, new Replay.Listener() {
            @Override
            public void result(int snapshot, int record, ScoreResult result) {
                Map<Integer, ScoreResult> m = current.get(result.score());
                if (m != null) {
                    m.put(record, result);
                }
            }

            @Override
            public void snapshot(int snapshot, int[] population, boolean[] converted) {
                current.forEach((score, results) -> {
                    Measures into = measures.get(score);
                    for (int i = 0; i < population.length; i++) {
                        ScoreResult r = results.get(population[i]);
                        if (r == null) {
                            into.outOfScope();
                        } else {
                            into.add(population[i], r.value().doubleValue(), r.status(), converted[i]);
                        }
                    }
                    results.clear();
                });
            }
        });
        List<ScoreBacktest> out = new ArrayList<>();
        measures.forEach((score, m) -> out.add(m.result(score, snapshots.size())));
        return out;
    }
}
