package dev.scoreline.plugins.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.Projection;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.ByteLines;
import dev.scoreline.plugins.internal.FilePosition;
import dev.scoreline.plugins.internal.LazyFileStream;
import dev.scoreline.plugins.internal.StderrProblems;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private final Path dir;
    private volatile DataProblems problems = StderrProblems.INSTANCE;
    /** Whether clean lines are read by {@link JsonlFastPath}; off, every line is read as a tree (for tests). */
    private final boolean fastPath;
    /** Counts the bytes a load reads of the files, for the progress line. */
    private final dev.scoreline.plugins.internal.ReadMeter meter = new dev.scoreline.plugins.internal.ReadMeter(this::loadFiles);

    public JsonlAdapter(Path dir) {
        this(dir, true);
    }

    JsonlAdapter(Path dir, boolean fastPath) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.fastPath = fastPath;
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
        dev.scoreline.plugins.internal.DataFolder.requireKnownFiles(dir, name(),
                f -> f.equals(RECORDS_FILE) || f.equals(EVENTS_FILE) || f.equals(ASSOCIATIONS_FILE),
                RECORDS_FILE + ", " + EVENTS_FILE + " or " + ASSOCIATIONS_FILE);
    }

    @Override
    public Stream<CrmRecord> records() {
        return records(Projection.everything());
    }

    /** Reads only the projected properties: the others are stepped over, neither decoded nor converted. */
    @Override
    public Stream<CrmRecord> records(Projection projection) {
        return lines(RECORDS_FILE, reading(projection, JsonlTree::record, projection::apply, JsonlFastPath::record));
    }

    @Override
    public Stream<CrmEvent> events() {
        return events(Projection.everything());
    }

    @Override
    public Stream<CrmEvent> events(Projection projection) {
        return lines(EVENTS_FILE, events(projection, null));
    }

    /**
     * Reads only the {@code "record"} field of a line (usually its first) before deciding to parse
     * the rest: the lines of other records cost a few tokens, not a tree.
     */
    @Override
    public Stream<CrmEvent> events(java.util.function.Predicate<RecordKey> owners) {
        return events(owners, Projection.everything());
    }

    @Override
    public Stream<CrmEvent> events(java.util.function.Predicate<RecordKey> owners, Projection projection) {
        return lines(EVENTS_FILE, events(projection, owners));
    }

    private Reading<CrmEvent> events(Projection projection, java.util.function.Predicate<RecordKey> owners) {
        Reading<CrmEvent> reading = reading(projection, JsonlTree::event, projection::apply, JsonlFastPath::event);
        reading.wanted = owners;
        return reading;
    }

    @Override
    public Stream<Association> associations() {
        return lines(ASSOCIATIONS_FILE, reading(Projection.everything(), JsonlTree::association, a -> a,
                JsonlFastPath::association));
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
        Projection all = Projection.everything();
        next.put(RECORDS_FILE, readNew(RECORDS_FILE, reading(all, JsonlTree::record, r -> r, JsonlFastPath::record), kept,
                r -> changes.add(new DataChange.RecordUpserted(r))));
        next.put(ASSOCIATIONS_FILE, readNew(ASSOCIATIONS_FILE, reading(all, JsonlTree::association, a -> a,
                JsonlFastPath::association), kept, a -> changes.add(new DataChange.AssociationAdded(a))));
        next.put(EVENTS_FILE, readNew(EVENTS_FILE, reading(all, JsonlTree::event, e -> e, JsonlFastPath::event), kept,
                e -> changes.add(new DataChange.EventAppended(e))));
        return new ChangeFeed.Batch(changes, FilePosition.watermark(next));
    }

    /**
     * Hands the complete lines appended to a file since its kept position to {@code action}; returns
     * the position after them. A half-written last line is left for the next poll.
     */
    private <T> FilePosition readNew(String fileName, Reading<T> reading, Map<String, FilePosition> kept,
                                     Consumer<T> action) {
        Path file = dir.resolve(fileName);
        FilePosition from = kept.getOrDefault(fileName, FilePosition.START);
        try {
            FilePosition to = from.next(file, false);
            if (to.offset() > from.offset()) {
                try (InputStream in = FilePosition.bytes(file, from.offset(), to.offset())) {
                    LineReader<T> reader = new LineReader<>(in, fileName, reading, from.lines());
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

    /** Reads a clean line without a tree; null to have the tree read it ({@link JsonlFastPath}). */
    private interface FastMapper<T> {
        T map(JsonlFastPath fast, byte[] bytes, int length, LineContext at);
    }

    /** How the lines of one file become facts: the tree's mapping, the projection and the fast path. */
    private final class Reading<T> {
        final Projection projection;
        final JsonlTree.LineMapper<T> tree;
        final java.util.function.UnaryOperator<T> project;
        final FastMapper<T> fast;
        /** When set, a line whose {@code "record"} this does not accept is skipped unparsed. */
        java.util.function.Predicate<RecordKey> wanted;

        Reading(Projection projection, JsonlTree.LineMapper<T> tree, java.util.function.UnaryOperator<T> project,
                FastMapper<T> fast) {
            this.projection = projection;
            this.tree = tree;
            this.project = project;
            this.fast = fastPath ? fast : null;
        }
    }

    private <T> Reading<T> reading(Projection projection, JsonlTree.LineMapper<T> tree,
                                   java.util.function.UnaryOperator<T> project, FastMapper<T> fast) {
        return new Reading<>(projection, tree, project, fast);
    }

    private <T> Stream<T> lines(String fileName, Reading<T> reading) {
        Path file = dir.resolve(fileName);
        return LazyFileStream.of(file, f -> new LineReader<>(meter.open(f), fileName, reading, 0));
    }

    private final class LineReader<T> implements LazyFileStream.Reader<T> {
        private final InputStream in;
        private final ByteLines lines;
        private final Reading<T> reading;
        private final JsonlFastPath fast;
        private final LineContext context;

        /** Reads {@code in}, whose first line is line {@code linesBefore + 1} of the file. */
        LineReader(InputStream in, String source, Reading<T> reading, long linesBefore) {
            this.in = new BufferedInputStream(in, 1 << 16);
            this.lines = new ByteLines(this.in, linesBefore);
            this.reading = reading;
            this.fast = reading.fast == null ? null : new JsonlFastPath(reading.projection);
            this.context = new LineContext(source, problems);
        }

        @Override
        public boolean next(Consumer<? super T> action) throws IOException {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                context.line = lines.lineNumber();
                if (reading.wanted != null) {
                    RecordKey owner = peekRecord(lines.bytes(), lines.length());
                    if (owner != null && !reading.wanted.test(owner)) {
                        continue;
                    }
                }
                T item = fast == null ? null : reading.fast.map(fast, lines.bytes(), lines.length(), context);
                if (item == null) {
                    item = parse();
                }
                if (item != null) {
                    action.accept(item);
                    return true;
                }
            }
            return false;
        }

        /** The line as a tree: what is wrong with it reported, or its fact with only the projected properties. */
        private T parse() {
            JsonNode node;
            try {
                node = JsonlTree.read(lines.bytes(), lines.length());
            } catch (JsonProcessingException e) {
                problems.badLine(context.source, context.line, dev.scoreline.plugins.internal.JsonProblems.describe(e));
                return null;
            } catch (IOException e) {
                problems.badLine(context.source, context.line, "not readable: " + e.getMessage());
                return null;
            } catch (NumberFormatException e) {
                // 1e999999999999: valid JSON, but no decimal holds it (Jackson throws this one unwrapped)
                problems.badLine(context.source, context.line, "a number is out of range (its exponent is too large)");
                return null;
            }
            if (node == null || !node.isObject()) {
                problems.badLine(context.source, context.line,
                        "expected a JSON object, got " + JsonlTree.describe(node));
                return null;
            }
            try {
                return reading.project.apply(reading.tree.map(node, context));
            } catch (JsonlTree.BadLine e) {
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
        try (com.fasterxml.jackson.core.JsonParser p = JsonlTree.factory().createParser(bytes, 0, length)) {
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
}
