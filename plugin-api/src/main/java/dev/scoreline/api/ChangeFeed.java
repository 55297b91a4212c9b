package dev.scoreline.api;

import java.util.List;

/** The changes a source has seen since a watermark, and the watermark to ask from next time. */
public interface ChangeFeed {

    /** Changes after {@code watermark} ({@code null}: from the beginning), oldest first. */
    Batch changesSince(String watermark);

    /**
     * The watermark of everything the source holds now: what {@code changesSince(null)} would end
     * at. A run takes it before reading the data, so a change that lands while it reads is seen
     * again by the next run rather than missed. Override it when the source can tell without
     * reading every change (a file's line count, a table's highest sequence number).
     */
    default String currentWatermark() {
        return changesSince(null).nextWatermark();
    }

    record Batch(List<DataChange> changes, String nextWatermark) {
        public Batch {
            changes = List.copyOf(changes);
        }
    }
}
