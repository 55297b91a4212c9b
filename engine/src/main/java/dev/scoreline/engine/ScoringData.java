package dev.scoreline.engine;

import dev.scoreline.engine.internal.Population;

/** The data of a run, read from an adapter and held compactly for one set of compiled scores. */
public final class ScoringData {

    final Population population;
    final CompiledScores scores;

    ScoringData(Population population, CompiledScores scores) {
        this.population = population;
        this.scores = scores;
    }

    public long recordsRead() {
        return population.stats().records();
    }

    public long eventsRead() {
        return population.stats().events();
    }

    public long associationsRead() {
        return population.stats().associations();
    }

    /** Duplicate records, references to records not in the data, values that do not read as numbers. */
    public long warnings() {
        return population.stats().warnings();
    }

    public int recordCount() {
        return population.size();
    }

    /** Distinct record and event shapes: how many facts Drools needs to see at most. */
    public int recordShapes() {
        return population.recordShapeCount();
    }

    public int eventShapes() {
        return population.eventShapeCount();
    }
}
