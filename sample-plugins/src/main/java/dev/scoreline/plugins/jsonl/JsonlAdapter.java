package dev.scoreline.plugins.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.ByteLines;
import dev.scoreline.plugins.internal.FilePosition;
import dev.scoreline.plugins.internal.Instants;
import dev.scoreline.plugins.internal.LazyFileStream;
import dev.scoreline.plugins.internal.StderrProblems;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the canonical data folder: {@code records.jsonl}, {@code events.jsonl} and
 * {@code associations.jsonl}, one JSON object per line, UTF-8. A missing file means none of those;
 * blank lines are skipped.
 *
 * <p>Streams are lazy: a file is opened when its stream is first consumed and read line by line,
 * so millions of lines never sit in memory. Close every stream (try-with-resources) to close its file.
 *
 * <p>Numbers keep exactly the digits written ({@code 2.5} is {@code BigDecimal("2.5")}), so scores
 * never pick up binary floating-point noise. A line that cannot be used is skipped and reported
 * through {@link DataProblems#badLine}; a property whose value is a JSON object is dropped with a
 * {@link DataProblems#warning} and the rest of the line is kept. This adapter neither dedupes
 * records nor checks references between files: the engine does, since it sees all the data.
 */
public final class JsonlAdapter implements CrmAdapter {

    public static final String RECORDS_FILE = "records.jsonl";
    public static final String EVENTS_FILE = "events.jsonl";
    public static final String ASSOCIATIONS_FILE = "associations.jsonl";

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
    private static final com.fasterxml.jackson.databind.ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private static final Set<String> RECORD_FIELDS = Set.of("type", "id", "properties", "lists");
    private static final Set<String> EVENT_FIELDS = Set.of("record", "type", "at", "properties");
    private static final Set<String> ASSOCIATION_FIELDS = Set.of("from", "to", "labels");

    private final Path dir;
    private volatile DataProblems problems = StderrProblems.INSTANCE;
    /** Counts the bytes a load reads of the files, for the progress line. */
    private final dev.scoreline.plugins.internal.ReadMeter meter = new dev.scoreline.plugins.internal.ReadMeter(this::loadFiles);

    public JsonlAdapter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public Optional<dev.scoreline.api.ReadProgress> readProgress() {
        return Optional.of(meter.start());
    }

    /** The files a whole load reads. */
    private List<Path> loadFiles() {
        return List.of(dir.resolve(RECORDS_FILE), dir.resolve(EVENTS_FILE), dir.resolve(ASSOCIATIONS_FILE));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void open(DataProblems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
        if (!java.nio.file.Files.isDirectory(dir)) {
            // Likely a mistyped path: say so rather than score an empty data set in silence.
            problems.warning(dir.toString(), 0, "the data folder does not exist; there is no data");
        }
        dev.scoreline.plugins.internal.DataFolder.requireKnownFiles(dir, name(),
                f -> f.equals(RECORDS_FILE) || f.equals(EVENTS_FILE) || f.equals(ASSOCIATIONS_FILE),
                RECORDS_FILE + ", " + EVENTS_FILE + " or " + ASSOCIATIONS_FILE);
    }

    @Override
    public Stream<CrmRecord> records() {
        return lines(RECORDS_FILE, this::record);
    }

    @Override
    public Stream<CrmEvent> events() {
        return lines(EVENTS_FILE, this::event);
    }

    /**
     * Reads only the {@code "record"} field of a line (usually its first) before deciding to parse
     * the rest: the lines of other records cost a few tokens, not a tree.
     */
    @Override
    public Stream<CrmEvent> events(java.util.function.Predicate<RecordKey> owners) {
        Path file = dir.resolve(EVENTS_FILE);
        return LazyFileStream.of(file, f -> {
            LineReader<CrmEvent> reader = new LineReader<>(meter.open(f), EVENTS_FILE, this::event, 0);
            reader.wanted = owners;
            return reader;
        });
    }

    @Override
    public Stream<Association> associations() {
        return lines(ASSOCIATIONS_FILE, this::association);
    }

    /**
     * Lines appended to the three files since a watermark: records become upserts, events
     * appends, associations additions. The watermark keeps, per file, the byte offset read through
     * and what identifies the bytes read ({@link FilePosition}), so a poll reads only what is new,
     * and a file replaced by a fresh export (the same length or not) is reported as rewritten
     * ({@link ChangeFeed.SourceRewritten}): the run then scores everything and says why.
     */
    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(new ChangeFeed() {
            @Override
            public ChangeFeed.Batch changesSince(String watermark) {
                return JsonlAdapter.this.changesSince(watermark);
            }

            @Override
            public String currentWatermark() {
                // Finding where the complete lines end is enough: no line needs to be parsed.
                Map<String, FilePosition> ends = new LinkedHashMap<>();
                for (String name : FILES) {
                    try {
                        ends.put(name, FilePosition.end(dir.resolve(name), false));
                    } catch (IOException e) {
                        problems.warning(name, 0, "cannot read for changes: " + e.getMessage());
                    }
                }
                return FilePosition.watermark(ends);
            }
        });
    }

    /** The three files in the order a feed reads them: records, then associations, then events. */
    private static final List<String> FILES = List.of(RECORDS_FILE, ASSOCIATIONS_FILE, EVENTS_FILE);

    private ChangeFeed.Batch changesSince(String watermark) {
        Map<String, FilePosition> kept = FilePosition.parse(name(), watermark);
        List<DataChange> changes = new ArrayList<>();
        Map<String, FilePosition> next = new LinkedHashMap<>();
        next.put(RECORDS_FILE, readNew(RECORDS_FILE, this::record, kept, r -> changes.add(new DataChange.RecordUpserted(r))));
        next.put(ASSOCIATIONS_FILE, readNew(ASSOCIATIONS_FILE, this::association, kept,
                a -> changes.add(new DataChange.AssociationAdded(a))));
        next.put(EVENTS_FILE, readNew(EVENTS_FILE, this::event, kept, e -> changes.add(new DataChange.EventAppended(e))));
        return new ChangeFeed.Batch(changes, FilePosition.watermark(next));
    }

    /**
     * Hands the complete lines appended to a file since its kept position to {@code action}; returns
     * the position after them. A half-written last line is left for the next poll.
     */
    private <T> FilePosition readNew(String fileName, LineMapper<T> mapper, Map<String, FilePosition> kept,
                                     Consumer<T> action) {
        Path file = dir.resolve(fileName);
        FilePosition from = kept.getOrDefault(fileName, FilePosition.START);
        try {
            FilePosition to = from.next(file, false);
            if (to.offset() > from.offset()) {
                try (InputStream in = FilePosition.bytes(file, from.offset(), to.offset())) {
                    LineReader<T> reader = new LineReader<>(in, fileName, mapper, from.lines());
                    while (reader.next(action)) {
                        // each call hands one fact to action
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + fileName + " for changes: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonlAdapter[" + dir + "]";
    }

    // ---------------------------------------------------------------- reading lines

    /** Turns one parsed line into a fact; throws {@link BadLine} to skip it. */
    private interface LineMapper<T> {
        T map(JsonNode object, LineContext at);
    }

    /** Where a line came from, for warnings, and which unknown fields were already reported. */
    private final class LineContext {
        final String source;
        final Set<String> reportedUnknown = new HashSet<>();
        long line;

        LineContext(String source) {
            this.source = source;
        }

        void warn(String message) {
            problems.warning(source, line, message);
        }
    }

    private static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    private <T> Stream<T> lines(String fileName, LineMapper<T> mapper) {
        Path file = dir.resolve(fileName);
        return LazyFileStream.of(file, f -> new LineReader<>(meter.open(f), fileName, mapper, 0));
    }

    private final class LineReader<T> implements LazyFileStream.Reader<T> {
        private final InputStream in;
        private final ByteLines lines;
        private final LineMapper<T> mapper;
        private final LineContext context;
        /** When set, a line whose {@code "record"} this does not accept is skipped unparsed. */
        java.util.function.Predicate<RecordKey> wanted;

        /** Reads {@code in}, whose first line is line {@code linesBefore + 1} of the file. */
        LineReader(InputStream in, String source, LineMapper<T> mapper, long linesBefore) {
            this.in = new BufferedInputStream(in, 1 << 16);
            this.lines = new ByteLines(this.in, linesBefore);
            this.mapper = mapper;
            this.context = new LineContext(source);
        }

        @Override
        public boolean next(Consumer<? super T> action) throws IOException {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                context.line = lines.lineNumber();
                if (wanted != null) {
                    RecordKey owner = peekRecord(lines.bytes(), lines.length());
                    if (owner != null && !wanted.test(owner)) {
                        continue;
                    }
                }
                T item = parse();
                if (item != null) {
                    action.accept(item);
                    return true;
                }
            }
            return false;
        }

        private T parse() {
            JsonNode node;
            try {
                node = TREE_READER.readTree(lines.bytes(), 0, lines.length());
            } catch (JsonProcessingException e) {
                problems.badLine(context.source, context.line, dev.scoreline.plugins.internal.JsonProblems.describe(e));
                return null;
            } catch (IOException e) {
                problems.badLine(context.source, context.line, "not readable: " + e.getMessage());
                return null;
            }
            if (node == null || !node.isObject()) {
                problems.badLine(context.source, context.line,
                        "expected a JSON object, got " + describe(node));
                return null;
            }
            try {
                return mapper.map(node, context);
            } catch (BadLine e) {
                problems.badLine(context.source, context.line, e.getMessage());
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The record key of an event line from its top-level {@code "record"} field, reading tokens
     * only up to it; null when the line does not have a usable one (then the whole line is parsed,
     * which reports what is wrong with it).
     */
    private static RecordKey peekRecord(byte[] bytes, int length) {
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(bytes, 0, length)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                if ("record".equals(name)) {
                    return value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? RecordKey.parse(p.getText()) : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the three kinds of line

    private CrmRecord record(JsonNode node, LineContext at) {
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

    private CrmEvent event(JsonNode node, LineContext at) {
        reportUnknownFields(node, EVENT_FIELDS, at);
        RecordKey record = requiredKey(node, "record");
        String type = requiredText(node, "type");
        Instant when = Instants.plausible(instant(node), at::warn);
        Map<String, Object> properties = properties(node, at);
        return new CrmEvent(record, type, when, properties);
    }

    private Association association(JsonNode node, LineContext at) {
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

    private static String describe(JsonNode node) {
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
