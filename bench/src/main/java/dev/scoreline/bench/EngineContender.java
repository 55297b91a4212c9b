package dev.scoreline.bench;

import dev.scoreline.api.DataProblems;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.time.Instant;

/**
 * The Scoreline engine as a contender. Load time: parsing the scenario's {@code .score} text,
 * building the Drools rule base, reading the jsonl data folder (the one DuckDB also reads) into
 * the engine's compact population. Scoring time: every score for every record, Drools deciding
 * every match (once per distinct shape) and the engine doing the arithmetic.
 */
public final class EngineContender implements Contender {

    /** Whether the engine contender is implemented; the runner registers it only then. */
    public static final boolean AVAILABLE = true;

    private final int threads;
    private ScoreEngine engine;
    private CompiledScores scores;
    private ScoringData loaded;

    public EngineContender(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "engine-" + threads + "t";
    }

    @Override
    public void load(Scenario scenario, DataSet data, Instant asOf) {
        ParseResult parsed = ScoreParser.parse(scenario.resource(), scenario.scoreText());
        if (parsed.hasErrors()) {
            throw new IllegalStateException("scenario " + scenario.name + " has errors: " + parsed.errors());
        }
        engine = ScoreEngine.builder().threads(threads).build();
        scores = engine.compile(parsed.definitions());
        var folder = data.folder().orElseThrow(() -> new IllegalStateException(
                "the engine reads the data set's jsonl folder; generate it with a folder"));
        try (JsonlAdapter adapter = new JsonlAdapter(folder)) {
            loaded = engine.load(scores, adapter, DataProblems.IGNORE);
        }
    }

    /** What the engine's projection reads: no event file when no rule of the scenario reads events. */
    @Override
    public java.util.List<String> filesRead(Scenario scenario) {
        return scenario.readsEvents ? java.util.List.of("records.jsonl", "associations.jsonl", "events.jsonl")
                : java.util.List.of("records.jsonl", "associations.jsonl");
    }

    @Override
    public ScoredSummary score(Scenario scenario, DataSet data, Instant asOf) {
        ScoredSummary summary = new ScoredSummary(scenario, data);
        engine.score(loaded, asOf, summary::put);
        return summary;
    }

    @Override
    public void close() {
        loaded = null;
        scores = null;
    }
}
