package dev.scoreline.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one score for one record. Numbers are rounded half away from zero to 2 decimals;
 * {@code groups} keeps the order of the score's groups (a {@link GroupValues}, immutable).
 * {@code engagement} and {@code fit} are set for combined scores only. {@code properties} names
 * the record properties the score is stored in (what sinks write, {@link #propertyValues()}); one
 * made without them, or with {@code null}, has the names derived from the score's name. A result
 * with no value ({@link #noValue}) has neither value nor status, groups, engagement or fit: what a
 * {@linkplain ScoreUpdate#leftScope left-scope update} carries so a sink clears the properties.
 */
public record ScoreResult(String score, RecordKey record, BigDecimal value, String status,
                          Map<String, BigDecimal> groups, BigDecimal engagement, BigDecimal fit,
                          ScoreProperties properties) {

    public ScoreResult {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(record, "record");
        if ((value == null) != (status == null)) {
            throw new IllegalArgumentException("a result has both a value and a status, or neither (no value)");
        }
        groups = GroupValues.copyOf(groups);
        if (value == null) {
            if (engagement != null || fit != null || !groups.isEmpty()) {
                throw new IllegalArgumentException("a result with no value has no groups, engagement or fit");
            }
            properties = properties == null ? ScoreProperties.derived(score, false) : properties;
        } else if ((engagement == null) != (fit == null)) {
            throw new IllegalArgumentException("a combined result has both engagement and fit, other results neither");
        }
        if (properties == null) {
            properties = ScoreProperties.derived(score, engagement != null);
        } else if (value != null && properties.combined() != (engagement != null)) {
            throw new IllegalArgumentException("score \"" + score + "\" is " + (engagement != null ? "" : "not ")
                    + "combined but its properties " + properties.names() + " say otherwise");
        }
    }

    /** A result stored in the properties derived from the score's name ({@link ScoreProperties#derived}). */
    public ScoreResult(String score, RecordKey record, BigDecimal value, String status,
                       Map<String, BigDecimal> groups, BigDecimal engagement, BigDecimal fit) {
        this(score, record, value, status, groups, engagement, fit, null);
    }

    /**
     * No value for the record in the properties {@code properties} names (null: those derived from
     * the score's name), so a sink clears them.
     */
    public static ScoreResult noValue(String score, RecordKey record, ScoreProperties properties) {
        return new ScoreResult(score, record, null, null, Map.of(), null, null, properties);
    }

    /** False for a {@link #noValue} result. */
    public boolean hasValue() {
        return value != null;
    }

    /** A combined score's result (one with no value: when its properties are a combined score's). */
    public boolean isCombined() {
        return properties.combined();
    }

    /**
     * The result as the {@code score} command writes it (data-and-cli.md), in this order:
     * {@code score, record, value, status, groups}, then {@code engagement, fit} for a combined
     * score (a {@link #noValue} result: {@code null} value and status, and for a combined score
     * {@code null} engagement and fit). Every JSON writer of results and updates starts from this map, so they agree.
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

    /**
     * The values by the names of the properties they are stored in, in this order: value, status,
     * then engagement and fit for a combined score ({@code {"lead_score":29,"lead_score_status":"Low"}}).
     */
    public Map<String, Object> propertyValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(properties.value(), value);
        out.put(properties.status(), status);
        if (isCombined()) {
            out.put(properties.engagement(), engagement);
            out.put(properties.fit(), fit);
        }
        return out;
    }
}
