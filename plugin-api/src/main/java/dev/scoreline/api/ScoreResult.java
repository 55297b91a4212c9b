package dev.scoreline.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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

    /**
     * The result as the {@code score} command writes it (data-and-cli.md), in this order:
     * {@code score, record, value, status, groups}, then {@code engagement, fit} for a combined
     * score. Every JSON writer of results and updates starts from this map, so they agree.
     */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", score);
        out.put("record", record.toString());
        out.put("value", value);
        out.put("status", status);
        out.put("groups", groups);
        if (isCombined()) {
            out.put("engagement", engagement);
            out.put("fit", fit);
        }
        return out;
    }
}
