package dev.scoreline.engine;

import dev.scoreline.engine.internal.data.LoadedData;

/** The data of a run, read from an adapter and held compactly for one set of compiled scores. */
public final class ScoringData {

    final LoadedData population;
    final CompiledScores scores;

    /**
     * The scorer of the last run, kept so that explaining that run's results reuses its matches.
     * Every run gets a new one: a run's cost never depends on the runs before it.
     */
    private dev.scoreline.engine.internal.eval.RunScorer lastRun;
    private long lastRunNow;
    private dev.scoreline.engine.internal.eval.AdjustmentIndex adjustments =
            dev.scoreline.engine.internal.eval.AdjustmentIndex.NONE;

    ScoringData(LoadedData population, CompiledScores scores) {
        this.population = population;
        this.scores = scores;
    }

    synchronized dev.scoreline.engine.internal.eval.RunScorer newRun(long now,
            java.util.function.Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        lastRun = new dev.scoreline.engine.internal.eval.RunScorer(scores.program, population, now, ruleText, adjustments);
        lastRunNow = now;
        return lastRun;
    }

    /** The last run's scorer when it scored at {@code now}, else a new one (kept for the next call). */
    synchronized dev.scoreline.engine.internal.eval.RunScorer explaining(long now,
            java.util.function.Function<dev.scoreline.dsl.model.Rule, String> ruleText) {
        return lastRun != null && lastRunNow == now ? lastRun : newRun(now, ruleText);
    }

    /**
     * The manual adjustments (kept by the store) that scoring and explaining this data add to the
     * totals from now on, each counted while it has not expired at the run's NOW; replaces any
     * given before. Adjustments of scores or records not in the data are ignored.
     */
    public synchronized ScoringData adjust(java.util.Collection<dev.scoreline.api.Adjustment> adjustments) {
        this.adjustments = new dev.scoreline.engine.internal.eval.AdjustmentIndex(adjustments);
        lastRun = null;
        return this;
    }

    public long recordsRead() {
        return population.stats().records();
    }

    /** Events read; 0 when none were ({@link #eventsSkipped()}). */
    public long eventsRead() {
        return population.stats().events();
    }

    /**
     * Whether the events were not read at all because no score reads events: their source was
     * neither parsed nor checked, so a bad line there went unreported.
     */
    public boolean eventsSkipped() {
        return !population.stats().eventsRead();
    }

    public long associationsRead() {
        return population.stats().associations();
    }

    /** Duplicate records, references to records not in the data, values that do not read as numbers. */
    public long warnings() {
        return population.stats().warnings();
    }

    /** Records held: all of them, or for a partial load the selection and what it reads. */
    public int recordCount() {
        return population.size();
    }

    /**
     * The results scoring this data gives at most: each score once per record of its object type
     * that the run scores (records out of a score's scope give none), for a progress line's ETA.
     */
    public long resultsToScore() {
        java.util.Map<String, int[]> byType = population.recordsByType();
        long n = 0;
        for (dev.scoreline.dsl.model.ScoreDefinition d : scores.definitions()) {
            int[] records = byType.get(dev.scoreline.engine.internal.data.DataValue.fold(d.objectType()));
            n += records == null ? 0 : records.length;
        }
        return n;
    }

    /** Records a run scores: all of them, or the selection of a partial load. */
    public int scoredRecords() {
        return population.selectedCount();
    }

    /**
     * The records a partial load re-scores, by key, including keys no longer in the data (a run
     * removes their values); for a full load, empty.
     */
    public java.util.Set<dev.scoreline.api.RecordKey> selection() {
        java.util.Set<dev.scoreline.api.RecordKey> selection = population.selection();
        return selection == null ? java.util.Set.of() : selection;
    }

    /**
     * For a partial load: the changed records associated with {@code record} that made it part of
     * the selection (its scores read them through associations); empty otherwise.
     */
    public java.util.List<dev.scoreline.api.RecordKey> rescoredBecauseOf(dev.scoreline.api.RecordKey record) {
        return population.rescoredBecauseOf(record);
    }

    /** Distinct record and event shapes: how many facts Drools needs to see at most. */
    public int recordShapes() {
        return population.recordShapeCount();
    }

    public int eventShapes() {
        return population.eventShapeCount();
    }
}
