package dev.scoreline.api;

import java.util.List;

/** The changes a source has seen since a watermark, and the watermark to ask from next time. */
public interface ChangeFeed {

    /**
     * Changes after {@code watermark} ({@code null}: from the beginning), oldest first. A watermark
     * the feed cannot continue from is refused with an exception; a source that was rewritten since
     * (a file replaced by a fresh export rather than appended to) throws {@link SourceRewritten}.
     */
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

    /**
     * The source was rewritten since the watermark rather than changed in ways a feed reports (a
     * file replaced by a fresh export of the same length, say): nothing after the watermark can be
     * trusted, so a run scores everything. The message names what was rewritten and how it was
     * seen ({@code records.jsonl was rewritten (the bytes the last run read differ)}), and a run
     * shows it as its reason for being full.
     */
    final class SourceRewritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SourceRewritten(String message) {
            super(message);
        }
    }

    record Batch(List<DataChange> changes, String nextWatermark) {
        public Batch {
            changes = List.copyOf(changes);
        }
    }
}
