package dev.scoreline.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one score for one record. Numbers are rounded half away from zero to 2 decimals;
 * {@code groups} keeps the order of the score's groups (a {@link GroupValues}, immutable).
 * {@code engagement} and {@code fit} are set for combined scores only.
 */
public record ScoreResult(String score, RecordKey record, BigDecimal value, String status,
                          Map<String, BigDecimal> groups, BigDecimal engagement, BigDecimal fit) {

    public ScoreResult {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        groups = GroupValues.copyOf(groups);
    }

    public boolean isCombined() {
        return engagement != null;
    }
}
