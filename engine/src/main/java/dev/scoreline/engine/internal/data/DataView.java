package dev.scoreline.engine.internal.data;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.live.LiveData;

/**
 * The data an evaluation reads, by dense record number: each record's shape, its events (shape and
 * instant) and its associations (other record and label set). The bulk {@link LoadedData} and the
 * mutable {@link LiveData} both provide it, so one evaluator serves full runs and live updates.
 */
public interface DataView {

    ShapeInterner shapes();

    RecordKey key(int rec);

    int recordShape(int rec);

    int eventCount(int rec);

    int eventShape(int rec, int i);

    long eventAt(int rec, int i);

    /** Points {@code span} at the record's events (its event {@code i} at {@code span.from + i}). */
    void events(int rec, EventSpan span);

    int assocCount(int rec);

    int assocOther(int rec, int i);

    int assocLabels(int rec, int i);
}
