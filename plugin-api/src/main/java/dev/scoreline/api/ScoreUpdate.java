package dev.scoreline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A score that a sink should store: the new result, what it was before ({@code null} when the
 * record had no value), when it was computed and why.
 */
public record ScoreUpdate(ScoreResult result, BigDecimal previousValue, String previousStatus,
                          Instant at, String cause) {

    public ScoreUpdate {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        cause = cause == null ? "" : cause;
    }

    public boolean statusChanged() {
        return !result.status().equals(previousStatus);
    }

    public boolean valueChanged() {
        return previousValue == null || previousValue.compareTo(result.value()) != 0;
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
