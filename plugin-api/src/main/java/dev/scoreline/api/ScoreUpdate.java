package dev.scoreline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A score that a sink should store: the new result, what it was before ({@code null} when the
 * record had no value), when it was computed and why.
 *
 * <p>A record that left the score's scope (a list membership removed, the record deleted, the
 * score deactivated) gets one {@linkplain #leftScope() left-scope} update: its result has no value
 * and no status ({@link ScoreResult#noValue}), the previous value and status are what the record
 * had, and the cause starts with {@value #LEFT_SCOPE} (the change part), so a sink clears the
 * properties.
 */
public record ScoreUpdate(ScoreResult result, BigDecimal previousValue, String previousStatus,
                          Instant at, String cause) {

    /** The change part of a left-scope update's cause, as the spec words it. */
    public static final String LEFT_SCOPE = "left scope";

    public ScoreUpdate {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        cause = cause == null ? "" : cause;
        if (!result.hasValue() && !cause.startsWith(LEFT_SCOPE)) {
            cause = cause.isEmpty() ? LEFT_SCOPE : LEFT_SCOPE + ": " + cause;
        }
    }

    /**
     * The update of a record that left the score's scope: no value, no status, what it had before.
     * {@code reason} (null or empty: none) follows {@value #LEFT_SCOPE} in the cause unless it
     * already starts with it.
     */
    public static ScoreUpdate leftScope(String score, RecordKey record, ScoreProperties properties,
                                        BigDecimal previousValue, String previousStatus, Instant at, String reason) {
        return new ScoreUpdate(ScoreResult.noValue(score, record, properties), previousValue, previousStatus, at, reason);
    }

    /** True for a record that left the score's scope: the sink should clear its properties. */
    public boolean leftScope() {
        return !result.hasValue();
    }

    public boolean statusChanged() {
        return !Objects.equals(result.status(), previousStatus);
    }

    public boolean valueChanged() {
        if (previousValue == null || result.value() == null) {
            return previousValue != result.value();
        }
        return previousValue.compareTo(result.value()) != 0;
    }

    /**
     * The update as a JSON object's fields: {@link ScoreResult#fields()}, then {@code properties}
     * ({@link ScoreResult#propertyValues()}, the values by the names of the properties they are
     * stored in), then {@code previousValue, previousStatus, at, cause}. The jsonl sink writes
     * exactly this; the runtime's outbox keeps it.
     */
    public Map<String, Object> fields() {
        Map<String, Object> out = result.fields();
        out.put("properties", result.propertyValues());
        out.put("previousValue", previousValue);
        out.put("previousStatus", previousStatus);
        out.put("at", at.toString());
        out.put("cause", cause);
        return out;
    }
}
