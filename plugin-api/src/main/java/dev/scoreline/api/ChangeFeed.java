package dev.scoreline.api;

import java.util.List;

/** The changes a source has seen since a watermark, and the watermark to ask from next time. */
public interface ChangeFeed {

    /** Changes after {@code watermark} ({@code null}: from the beginning), oldest first. */
    Batch changesSince(String watermark);

    record Batch(List<DataChange> changes, String nextWatermark) {
        public Batch {
            changes = List.copyOf(changes);
        }
    }
}
