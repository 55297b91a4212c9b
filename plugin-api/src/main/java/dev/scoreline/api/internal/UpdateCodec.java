package dev.scoreline.api.internal;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Score updates to and from JSON objects, field names as in the {@code score} command's output. */
public final class UpdateCodec {

    private UpdateCodec() { }

    public static Map<String, Object> toMap(ScoreUpdate update) {
        ScoreResult r = update.result();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", r.score());
        out.put("record", r.record().toString());
        out.put("value", r.value());
        out.put("status", r.status());
        out.put("groups", r.groups());
        if (r.engagement() != null) {
            out.put("engagement", r.engagement());
        }
        if (r.fit() != null) {
            out.put("fit", r.fit());
        }
        out.put("previousValue", update.previousValue());
        out.put("previousStatus", update.previousStatus());
        out.put("at", update.at().toString());
        out.put("cause", update.cause());
        return out;
    }

    @SuppressWarnings("unchecked")
    public static ScoreUpdate fromMap(Map<String, Object> m) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        Object g = m.get("groups");
        if (g instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> groups.put(k, (BigDecimal) v));
        }
        ScoreResult result = new ScoreResult((String) m.get("score"), RecordKey.parse((String) m.get("record")),
                (BigDecimal) m.get("value"), (String) m.get("status"), groups,
                (BigDecimal) m.get("engagement"), (BigDecimal) m.get("fit"));
        return new ScoreUpdate(result, (BigDecimal) m.get("previousValue"), (String) m.get("previousStatus"),
                Instant.parse((String) m.get("at")), (String) m.get("cause"));
    }
}
