package dev.scoreline.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a score's last finished run left the adapter's change feed: the next run may re-score
 * only what changed after {@code watermark} and what fell due, provided it reads the same
 * {@code adapter} with the same definition ({@code definitionHash}) at a NOW not before {@code at}.
 */
public record FeedPosition(String adapter, String watermark, String definitionHash, Instant at, String runId) {

    public FeedPosition {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(definitionHash, "definitionHash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        if (watermark.length() > 4000) {
            throw new IllegalArgumentException("a watermark is at most 4,000 characters, got " + watermark.length());
        }
    }
}
