package dev.scoreline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a jsonl data folder (data-and-cli.md §1) into a {@link DataSet}. Bad lines are skipped and counted. */
public final class DataSetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private long badLines;

    public long badLines() {
        return badLines;
    }

    public DataSet read(Path dir) throws IOException {
        DataSetBuilder b = new DataSetBuilder(true).folder(dir);
        each(dir.resolve("records.jsonl"), n -> {
            String type = text(n, "type"), id = text(n, "id");
            if (type == null || id == null) return false;
            Map<String, Object> props = new LinkedHashMap<>();
            JsonNode p = n.get("properties");
            if (p != null && p.isObject()) p.fields().forEachRemaining(e -> props.put(e.getKey(), value(e.getValue())));
            List<String> lists = new ArrayList<>();
            JsonNode l = n.get("lists");
            if (l != null && l.isArray()) l.forEach(x -> lists.add(x.asText()));
            b.record(type, id, props, lists);
            return true;
        });
        each(dir.resolve("events.jsonl"), n -> {
            String rec = text(n, "record"), type = text(n, "type");
            JsonNode at = n.get("at");
            if (rec == null || type == null || at == null) return false;
            long ms;
            try {
                ms = instant(at);
            } catch (RuntimeException e) {
                return false;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            JsonNode p = n.get("properties");
            if (p != null && p.isObject()) p.fields().forEachRemaining(e -> props.put(e.getKey(), value(e.getValue())));
            b.event(rec, type, ms, props);
            return true;
        });
        each(dir.resolve("associations.jsonl"), n -> {
            String from = text(n, "from"), to = text(n, "to");
            if (from == null || to == null) return false;
            List<String> labels = new ArrayList<>();
            JsonNode l = n.get("labels");
            if (l != null && l.isArray()) l.forEach(x -> labels.add(x.asText()));
            b.association(from, to, labels);
            return true;
        });
        return b.build();
    }

    /** The files of a jsonl data folder a load reads: the records and associations, and the events when asked. */
    static List<Path> files(Path dir, boolean withEvents) {
        return withEvents ? List.of(dir.resolve("records.jsonl"), dir.resolve("associations.jsonl"), dir.resolve("events.jsonl"))
                : List.of(dir.resolve("records.jsonl"), dir.resolve("associations.jsonl"));
    }

    /** ISO-8601 instant, a date (00:00 UTC), or epoch milliseconds. */
    static long instant(JsonNode at) {
        if (at.isIntegralNumber()) return at.asLong();
        String s = at.asText().trim();
        if (s.matches("-?\\d+")) return Long.parseLong(s);
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return java.time.OffsetDateTime.parse(s).toInstant().toEpochMilli();
    }

    private interface LineHandler {
        boolean handle(JsonNode n);
    }

    private void each(Path file, LineHandler h) throws IOException {
        if (!Files.exists(file)) return;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    badLines++;
                    continue;
                }
                if (n == null || !n.isObject() || !h.handle(n)) badLines++;
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber()) return v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue();
        if (v.isNumber()) return v.decimalValue();
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(value(x)));
            return java.util.Collections.unmodifiableList(out);
        }
        return v.toString();
    }

    static Instant parse(String s) {
        return Instant.ofEpochMilli(instant(JSON.getNodeFactory().textNode(s)));
    }
}
