package dev.scoreline.bench;

import dev.scoreline.api.DataProblems;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.plugins.csv.CsvAdapter;
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
    /** Whether it reads the csv folder ({@link CsvFolder}) through the csv adapter instead of the jsonl one. */
    private final boolean csv;
    private ScoreEngine engine;
    private CompiledScores scores;
    private ScoringData loaded;

    public EngineContender(int threads) {
        this(threads, false);
    }

    public EngineContender(int threads, boolean csv) {
        this.threads = threads;
        this.csv = csv;
    }

    @Override
    public String name() {
        return "engine-" + (csv ? "csv-" : "") + threads + "t";
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
        try (CrmAdapter adapter = csv ? new CsvAdapter(CsvFolder.of(folder)) : new JsonlAdapter(folder)) {
            loaded = engine.load(scores, adapter, DataProblems.IGNORE);
        }
    }

    /** What the engine's projection reads: no event file when no rule of the scenario reads events. */
    @Override
    public java.util.List<java.nio.file.Path> filesRead(Scenario scenario, java.nio.file.Path folder) throws java.io.IOException {
        return csv ? CsvFolder.files(folder, scenario.readsEvents) : DataSetReader.files(folder, scenario.readsEvents);
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
