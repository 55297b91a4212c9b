package dev.scoreline.plugins.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.Instants;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A line of the data folder read as a whole JSON tree: the reader that says what is wrong with a
 * line (bad lines, warnings) in the words of the format. {@link JsonlFastPath} reads the usual
 * line faster and hands every other line here, so what a user is told comes from this one place.
 */
final class JsonlTree {

    // Exact decimals, no trailing-zero stripping: the value is what the file says.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    /** Bound to the tree type once: {@code MAPPER.readTree} resolves the type again for every line. */
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    static final Set<String> RECORD_FIELDS = Set.of("type", "id", "properties", "lists");
    static final Set<String> EVENT_FIELDS = Set.of("record", "type", "at", "properties");
    static final Set<String> ASSOCIATION_FIELDS = Set.of("from", "to", "labels");

    private JsonlTree() { }

    /** The factory of the tree's parsers: the same features (duplicate keys refused) for every reader. */
    static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    static JsonNode read(byte[] bytes, int length) throws IOException {
        return TREE_READER.readTree(bytes, 0, length);
    }

    /** Turns one parsed line into a fact; throws {@link BadLine} to skip it. */
    interface LineMapper<T> {
        T map(JsonNode object, LineContext at);
    }

    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    // ---------------------------------------------------------------- the three kinds of line

    static CrmRecord record(JsonNode node, LineContext at) {
        reportUnknownFields(node, RECORD_FIELDS, at);
        String type = requiredText(node, "type");
        if (type.indexOf(':') >= 0) {
            throw new BadLine("\"type\" must not contain ':' (record keys are written type:id), got \""
                    + type + "\"");
        }
        String id = requiredId(node);
        Map<String, Object> properties = properties(node, at);
        List<String> lists = stringArray(node, "lists");
        return new CrmRecord(new RecordKey(type, id), properties, lists);
    }

    static CrmEvent event(JsonNode node, LineContext at) {
        reportUnknownFields(node, EVENT_FIELDS, at);
        RecordKey record = requiredKey(node, "record");
        String type = requiredText(node, "type");
        Instant when = Instants.plausible(instant(node), at::warn);
        Map<String, Object> properties = properties(node, at);
        return new CrmEvent(record, type, when, properties);
    }

    static Association association(JsonNode node, LineContext at) {
        reportUnknownFields(node, ASSOCIATION_FIELDS, at);
        RecordKey from = requiredKey(node, "from");
        RecordKey to = requiredKey(node, "to");
        List<String> labels = stringArray(node, "labels");
        return new Association(from, to, new LinkedHashSet<>(labels));
    }

    // ---------------------------------------------------------------- fields

    private static void reportUnknownFields(JsonNode node, Set<String> known, LineContext at) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            // Once per file: a systematic extra column should not flood the report.
            if (!known.contains(name) && at.reportedUnknown.add(name)) {
                at.warn("field \"" + name + "\" is not used (expected " + String.join(", ", sorted(known))
                        + "); reported once per file");
            }
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadLine("missing required field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new BadLine("\"" + field + "\" must be a string, got " + describe(value));
        }
        String text = value.textValue();
        if (text.isBlank()) {
            throw new BadLine("required field \"" + field + "\" is empty");
        }
        return text;
    }

    /** CRM exports often write numeric ids; a whole number is taken as its digits. */
    private static String requiredId(JsonNode node) {
        JsonNode value = node.get("id");
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return requiredText(node, "id");
    }

    private static RecordKey requiredKey(JsonNode node, String field) {
        String text = requiredText(node, field);
        try {
            return RecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadLine("\"" + field + "\" is not a record key written type:id: \"" + text + "\"");
        }
    }

    private static Instant instant(JsonNode node) {
        JsonNode value = node.get("at");
        if (value == null || value.isNull()) {
            throw new BadLine("missing required field \"at\"");
        }
        try {
            if (value.isNumber()) {
                return Instants.fromEpochMillis(value.decimalValue());
            }
            if (value.isTextual()) {
                return Instants.parse(value.textValue());
            }
        } catch (IllegalArgumentException e) {
            throw new BadLine(e.getMessage());
        }
        throw new BadLine("\"at\" must be a string or epoch milliseconds, got " + describe(value));
    }

    private static Map<String, Object> properties(JsonNode node, LineContext at) {
        JsonNode props = node.get("properties");
        if (props == null || props.isNull()) {
            return Map.of();
        }
        if (!props.isObject()) {
            throw new BadLine("\"properties\" must be an object, got " + describe(props));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<Object> values = new ArrayList<>(value.size());
                boolean usable = true;
                for (JsonNode element : value) {
                    if (element.isContainerNode()) {
                        usable = false;
                        break;
                    }
                    values.add(scalar(element));
                }
                if (usable) {
                    out.put(field.getKey(), Collections.unmodifiableList(values));
                } else {
                    at.warn("property \"" + field.getKey() + "\" dropped: an array may hold only strings,"
                            + " numbers, booleans and null, not arrays or objects");
                }
            } else if (value.isObject()) {
                at.warn("property \"" + field.getKey() + "\" dropped: a property value cannot be an object");
            } else {
                out.put(field.getKey(), scalar(value));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return null;
        }
        throw new IllegalStateException("not a scalar: " + value.getNodeType());
    }

    private static List<String> stringArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadLine("\"" + field + "\" must be an array of strings, got " + describe(value));
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new BadLine("\"" + field + "\" must hold only strings, got " + describe(element));
            }
            out.add(element.textValue());
        }
        return out;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        Collections.sort(list);
        return list;
    }
}
