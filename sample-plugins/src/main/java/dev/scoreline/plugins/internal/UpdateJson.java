package dev.scoreline.plugins.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Score updates as JSON objects, field names as in the {@code score} command's output. */
public final class UpdateJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private UpdateJson() { }

    public static Map<String, Object> fields(ScoreUpdate update) {
        ScoreResult r = update.result();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", r.score());
        out.put("record", r.record().toString());
        out.put("value", r.value());
        out.put("status", r.status());
        out.put("groups", r.groups());
        if (r.isCombined()) {
            out.put("engagement", r.engagement());
            out.put("fit", r.fit());
        }
        out.put("previousValue", update.previousValue());
        out.put("previousStatus", update.previousStatus());
        out.put("at", update.at().toString());
        out.put("cause", update.cause());
        return out;
    }

    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
