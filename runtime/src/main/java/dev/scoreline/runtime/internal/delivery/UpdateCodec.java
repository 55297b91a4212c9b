package dev.scoreline.runtime.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One score update as one outbox line: {@link ScoreUpdate#fields()} as JSON, read back exactly
 * (numbers keep their digits and scale, so an update delivered from the outbox equals the one
 * that went in).
 */
final class UpdateCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private UpdateCodec() { }

    static String encode(ScoreUpdate update) {
        try {
            return JSON.writeValueAsString(update.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an update as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Updates as lines, one each, joined by line breaks: a batch of the store's delivery log. */
    static String encodeAll(List<ScoreUpdate> updates) {
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate u : updates) {
            text.append(encode(u)).append('\n');
        }
        return text.toString();
    }

    /** The updates of {@link #encodeAll}'s text. */
    static List<ScoreUpdate> decodeAll(String text) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                out.add(decode(line));
            }
        }
        return out;
    }

    /** @throws IllegalArgumentException when the line is not an update this codec wrote */
    static ScoreUpdate decode(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON update: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + line);
        }
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        n.path("groups").fields().forEachRemaining(g -> groups.put(g.getKey(), g.getValue().decimalValue()));
        ScoreResult result = new ScoreResult(n.path("score").asText(), RecordKey.parse(n.path("record").asText()),
                decimal(n, "value"), text(n, "status"), groups, decimal(n, "engagement"), decimal(n, "fit"),
                properties(n.get("properties")));
        return new ScoreUpdate(result, decimal(n, "previousValue"), text(n, "previousStatus"),
                Instant.parse(n.path("at").asText()), text(n, "cause"));
    }

    /**
     * The property names of {@link ScoreResult#propertyValues()}, in its order (value, status,
     * engagement, fit); null, so derived from the score's name, in a line written before updates
     * carried them.
     */
    private static ScoreProperties properties(JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return ScoreProperties.fromNames(names);
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
