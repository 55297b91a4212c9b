package dev.scoreline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A manual adjustment of one record's score: {@code points} added to the score's total before its
 * {@code minimum}/{@code limit} clamp, until {@code until} (exclusive; null: until removed). It is
 * kept by the store with who made it and why ({@code scoreline adjust}), and is known by the score's
 * name, so it survives an update of the definition. The engine takes adjustments as facts of the
 * run, like records and events.
 *
 * @param id        the store's id (shown by {@code adjust --list}, used by {@code adjust --remove})
 * @param createdAt when it was made (wall clock)
 */
public record Adjustment(long id, String score, RecordKey record, BigDecimal points, String reason, String author,
                         Instant until, Instant createdAt) {

    public Adjustment {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(points, "points");
        reason = reason == null ? "" : reason;
        author = author == null ? "" : author;
    }

    /** Whether it counts in an evaluation at {@code nowMillis}: before its {@code until}, or with none. */
    public boolean activeAt(long nowMillis) {
        return until == null || nowMillis < until.toEpochMilli();
    }

    /** {@code #3 +10 by alice until 2026-04-01T00:00:00Z: "reason"}: one wording for explain, history and lists. */
    public String describe() {
        String p = points.stripTrailingZeros().toPlainString();
        return "#" + id + " " + (points.signum() > 0 ? "+" : "") + p + " by " + (author.isEmpty() ? "(unknown)" : author)
                + (until == null ? "" : " until " + until) + ": \"" + reason + "\"";
    }
}
