package dev.scoreline.plugins.csv;

import dev.scoreline.api.Association;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.Projection;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.CsvReader;
import dev.scoreline.plugins.internal.FilePosition;
import dev.scoreline.plugins.internal.Instants;
import dev.scoreline.plugins.internal.LazyFileStream;
import dev.scoreline.plugins.internal.StderrProblems;
import dev.scoreline.plugins.internal.StrictUtf8Reader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a folder of CSV files as CRM exports write them (UTF-8, RFC 4180 quoting):
 * <ul>
 *   <li>{@code <type>.csv}, one per object type (the file name without {@code .csv} is the type):
 *       a header row with an {@code id} or {@code Record ID} column, then one column per property;</li>
 *   <li>{@code events.csv}: {@code record,type,at} then event properties as {@code prop.NAME} columns;</li>
 *   <li>{@code associations.csv}: {@code from,to,labels};</li>
 *   <li>{@code lists.csv}: {@code list,record}, given as {@link #listMemberships()}.</li>
 * </ul>
 * A cell holding {@code a;b;c} is a multi-valued property (empty parts are dropped); an empty cell
 * is unknown and left out. Values stay text: the engine reads {@code "100"} as the number 100 where
 * a rule compares numbers, so the same data scores the same through this adapter and the jsonl one.
 * Header names match ignoring case and surrounding spaces; a row whose cell count differs from the
 * header's is a bad line (a shifted row would put values under the wrong properties).
 */
public final class CsvAdapter implements CrmAdapter {

    public static final String EVENTS_FILE = "events.csv";
    public static final String ASSOCIATIONS_FILE = "associations.csv";
    public static final String LISTS_FILE = "lists.csv";
    private static final Set<String> SPECIAL = Set.of(EVENTS_FILE, ASSOCIATIONS_FILE, LISTS_FILE);
    private static final String PROPERTY_PREFIX = "prop.";

    private final Path dir;
    private volatile DataProblems problems = StderrProblems.INSTANCE;
    /** Counts the bytes a load reads of the files, for the progress line. */
    private final dev.scoreline.plugins.internal.ReadMeter meter = new dev.scoreline.plugins.internal.ReadMeter(this::feedFiles);

    public CsvAdapter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override public Optional<dev.scoreline.api.ReadProgress> readProgress() {
        return Optional.of(meter.start());
    }

    public Path dir() {
        return dir;
    }

    @Override public String name() {
        return "csv";
    }

    @Override public void open(DataProblems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
        dev.scoreline.plugins.internal.DataFolder.requireKnownFiles(dir, name(),
                f -> f.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"), "csv file (TYPE.csv, " + EVENTS_FILE + ", …)");
    }

    /** The record files of the folder, sorted by name: every {@code *.csv} but the three special ones. */
    public List<Path> recordFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f))
                    .filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .filter(f -> !SPECIAL.contains(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override public Stream<CrmRecord> records() {
        return records(Projection.everything());
    }

    /** Cells of columns no score reads are left as they are: not split into values, not given. */
    @Override public Stream<CrmRecord> records(Projection projection) {
        return LazyFileStream.of(recordFiles(), file -> {
            String fileName = file.getFileName().toString();
            String type = fileName.substring(0, fileName.length() - ".csv".length());
            return new RowReader<>(file, new RecordRows(type, projection));
        });
    }

    @Override public Stream<CrmEvent> events() {
        return events(Projection.everything());
    }

    @Override public Stream<CrmEvent> events(Projection projection) {
        return LazyFileStream.of(dir.resolve(EVENTS_FILE), file -> new RowReader<>(file, new EventRows(projection)));
    }

    @Override public Stream<Association> associations() {
        return LazyFileStream.of(dir.resolve(ASSOCIATIONS_FILE), file -> new RowReader<>(file, new AssociationRows()));
    }

    @Override public Stream<ListMembership> listMemberships() {
        return LazyFileStream.of(dir.resolve(LISTS_FILE), file -> new RowReader<>(file, new ListRows()));
    }

    /**
     * Rows appended to the files since a watermark: record rows become upserts, event rows
     * appends, association and list rows additions. The watermark keeps, per file, the byte offset
     * read through and what identifies the bytes read ({@link FilePosition}); a poll reads only the
     * complete rows appended since, a file the watermark does not name is read from its first row,
     * and a file replaced by a fresh export (or removed) is reported as rewritten
     * ({@link ChangeFeed.SourceRewritten}): the run then scores everything and says why.
     */
    @Override public Optional<ChangeFeed> changeFeed() {
        return Optional.of(new ChangeFeed() {
            @Override public ChangeFeed.Batch changesSince(String watermark) {
                return CsvAdapter.this.changesSince(watermark);
            }

            @Override public String currentWatermark() {
                // Finding where the complete rows end is enough: no row needs to be parsed.
                Map<String, FilePosition> ends = new LinkedHashMap<>();
                for (Path file : feedFiles()) {
                    try {
                        ends.put(file.getFileName().toString(), FilePosition.end(file, true));
                    } catch (IOException e) {
                        problems.warning(file.getFileName().toString(), 0, "cannot read for changes: " + e.getMessage());
                    }
                }
                return FilePosition.watermark(ends);
            }
        });
    }

    /** The files a feed reads, in its order: the record files, then lists, associations and events. */
    private List<Path> feedFiles() {
        List<Path> files = new ArrayList<>(recordFiles());
        files.add(dir.resolve(LISTS_FILE));
        files.add(dir.resolve(ASSOCIATIONS_FILE));
        files.add(dir.resolve(EVENTS_FILE));
        return files;
    }

    private ChangeFeed.Batch changesSince(String watermark) {
        Map<String, FilePosition> kept = FilePosition.parse(name(), watermark);
        List<DataChange> changes = new ArrayList<>();
        Map<String, FilePosition> next = new LinkedHashMap<>();
        for (Path file : feedFiles()) {
            String fileName = file.getFileName().toString();
            Rows<?> rows = switch (fileName) {
                case LISTS_FILE -> new ListRows();
                case ASSOCIATIONS_FILE -> new AssociationRows();
                case EVENTS_FILE -> new EventRows(Projection.everything());
                default -> new RecordRows(fileName.substring(0, fileName.length() - ".csv".length()), Projection.everything());
            };
            next.put(fileName, readNew(file, rows, kept.getOrDefault(fileName, FilePosition.START), changes::add));
        }
        for (var e : kept.entrySet()) {
            if (!next.containsKey(e.getKey())) {
                // Read before and gone now (a record file removed): reported as rewritten.
                readNew(dir.resolve(e.getKey()), new ListRows(), e.getValue(), changes::add);
            }
        }
        return new ChangeFeed.Batch(changes, FilePosition.watermark(next));
    }

    /**
     * Hands the complete rows appended to {@code file} since {@code from}, as changes, to
     * {@code action}; returns the position after them. A half-written last row is left for the next poll.
     */
    private FilePosition readNew(Path file, Rows<?> rows, FilePosition from, Consumer<DataChange> action) {
        try {
            FilePosition to = from.next(file, true);
            if (to.offset() > from.offset()) {
                RowReader<?> reader = new RowReader<>(file, rows, from, to.offset());
                try {
                    while (reader.next(fact -> action.accept(change(fact)))) {
                        // each call hands one fact to action
                    }
                } finally {
                    reader.close();
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + " for changes: " + e.getMessage(), e);
        }
    }

    /** A fact read from an appended row, as the change it is. */
    private static DataChange change(Object fact) {
        if (fact instanceof CrmRecord r) {
            return new DataChange.RecordUpserted(r);
        }
        if (fact instanceof ListMembership m) {
            return new DataChange.ListMembershipAdded(m);
        }
        if (fact instanceof Association a) {
            return new DataChange.AssociationAdded(a);
        }
        return new DataChange.EventAppended((CrmEvent) fact);
    }

    @Override public String toString() {
        return "CsvAdapter[" + dir + "]";
    }

    // ---------------------------------------------------------------- values

    /** A cell as a property value: {@code null} when empty, a list when it holds {@code ;}. */
    static Object value(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (cell.indexOf(';') < 0) {
            return cell;
        }
        List<String> values = new ArrayList<>();
        for (String part : cell.split(";", -1)) {
            if (!part.isEmpty()) {
                values.add(part);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return Collections.unmodifiableList(values);
    }

    private static String normalHeader(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- rows of each kind of file

    private static final class BadRow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads one kind of file: learns the header, then turns rows into facts. */
    private abstract static class Rows<T> {
        List<String> header;

        /** Checks the header; returns an error that makes the whole file unusable, or null. */
        abstract String header(List<String> names, Consumer<String> warn);

        /** One row as what it stands for; {@code warn} takes what is kept but suspect (a time before 1980). */
        abstract T row(List<String> cells, Consumer<String> warn);

        int column(String... names) {
            for (int i = 0; i < header.size(); i++) {
                for (String name : names) {
                    if (normalHeader(header.get(i)).equals(normalHeader(name))) {
                        return i;
                    }
                }
            }
            return -1;
        }

        static String required(List<String> cells, int column, String name) {
            String value = cells.get(column);
            if (value.isBlank()) {
                throw new BadRow("required cell \"" + name + "\" is empty");
            }
            return value;
        }

        static RecordKey key(List<String> cells, int column, String name) {
            String text = required(cells, column, name);
            try {
                return RecordKey.parse(text.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRow("\"" + name + "\" is not a record key written type:id: \"" + text + "\"");
            }
        }
    }

    private static final class RecordRows extends Rows<CrmRecord> {
        final String type;
        final Projection projection;
        int id;
        boolean[] read; // per column, whether a score reads it (known once the header is)

        RecordRows(String type, Projection projection) {
            this.type = type;
            this.projection = projection;
        }

        @Override
        String header(List<String> names, Consumer<String> warn) {
            if (type.isEmpty() || type.indexOf(':') >= 0) {
                return "the file name gives the record type, and \"" + type + "\" cannot be one (empty or holding ':')";
            }
            id = column("id", "Record ID");
            if (id < 0) {
                return "the header has no \"id\" or \"Record ID\" column";
            }
            read = new boolean[names.size()];
            for (int i = 0; i < read.length; i++) {
                read[i] = projection.readsRecordProperty(type, names.get(i));
            }
            return null;
        }

        @Override
        CrmRecord row(List<String> cells, Consumer<String> warn) {
            String recordId = required(cells, id, header.get(id).strip()).strip();
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (i != id && read[i] && !header.get(i).isBlank()) {
                    Object value = value(cells.get(i));
                    if (value != null) {
                        properties.put(header.get(i).strip(), value);
                    }
                }
            }
            return new CrmRecord(new RecordKey(type, recordId), Collections.unmodifiableMap(properties));
        }
    }

    private static final class EventRows extends Rows<CrmEvent> {
        final Projection projection;
        final Map<String, boolean[]> read = new java.util.HashMap<>(); // per event type: per column, is it read
        int record;
        int type;
        int at;

        EventRows(Projection projection) {
            this.projection = projection;
        }

        @Override String header(List<String> names, Consumer<String> warn) {
            record = column("record");
            type = column("type");
            at = column("at");
            List<String> missing = new ArrayList<>();
            if (record < 0) {
                missing.add("record");
            }
            if (type < 0) {
                missing.add("type");
            }
            if (at < 0) {
                missing.add("at");
            }
            if (!missing.isEmpty()) {
                return "the header lacks the column(s) " + String.join(", ", missing)
                        + " (events.csv is record,type,at then prop.NAME columns)";
            }
            for (int i = 0; i < names.size(); i++) {
                if (i != record && i != type && i != at && !normalHeader(names.get(i)).startsWith(PROPERTY_PREFIX)) {
                    warn.accept("column \"" + names.get(i) + "\" is not used (event properties are prop.NAME columns)");
                }
            }
            return null;
        }

        @Override
        CrmEvent row(List<String> cells, Consumer<String> warn) {
            RecordKey key = key(cells, record, "record");
            String eventType = required(cells, type, "type").strip();
            Instant when;
            try {
                when = Instants.plausible(Instants.parse(required(cells, at, "at")), warn);
            } catch (IllegalArgumentException e) {
                throw new BadRow(e.getMessage());
            }
            boolean[] reads = read.computeIfAbsent(eventType, t -> {
                boolean[] r = new boolean[header.size()];
                for (int i = 0; i < r.length; i++) {
                    String name = header.get(i).strip();
                    r[i] = normalHeader(name).startsWith(PROPERTY_PREFIX)
                            && projection.readsEventProperty(t, name.substring(PROPERTY_PREFIX.length()));
                }
                return r;
            });
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = header.get(i).strip();
                if (reads[i]) {
                    Object value = value(cells.get(i));
                    if (value != null) {
                        properties.put(name.substring(PROPERTY_PREFIX.length()), value);
                    }
                }
            }
            return new CrmEvent(key, eventType, when, Collections.unmodifiableMap(properties));
        }
    }

    private static final class AssociationRows extends Rows<Association> {
        int from;
        int to;
        int labels;

        @Override
        String header(List<String> names, Consumer<String> warn) {
            from = column("from");
            to = column("to");
            labels = column("labels");
            if (from < 0 || to < 0) {
                return "the header needs \"from\" and \"to\" columns (associations.csv is from,to,labels)";
            }
            return null;
        }

        @Override
        Association row(List<String> cells, Consumer<String> warn) {
            RecordKey a = key(cells, from, "from");
            RecordKey b = key(cells, to, "to");
            Set<String> labelSet = new LinkedHashSet<>();
            if (labels >= 0) {
                for (String label : cells.get(labels).split(";")) {
                    if (!label.isBlank()) {
                        labelSet.add(label);
                    }
                }
            }
            return new Association(a, b, labelSet);
        }
    }

    private static final class ListRows extends Rows<ListMembership> {
        int list;
        int record;

        @Override
        String header(List<String> names, Consumer<String> warn) {
            list = column("list");
            record = column("record");
            if (list < 0 || record < 0) {
                return "the header needs \"list\" and \"record\" columns (lists.csv is list,record)";
            }
            return null;
        }

        @Override
        ListMembership row(List<String> cells, Consumer<String> warn) {
            return new ListMembership(required(cells, list, "list"), key(cells, record, "record"));
        }
    }

    // ---------------------------------------------------------------- reading a file

    private final class RowReader<T> implements LazyFileStream.Reader<T> {
        private final String source;
        private final CsvReader csv;
        private final Rows<T> rows;
        private boolean headerRead;
        private boolean unusable;

        RowReader(Path file, Rows<T> rows) throws IOException {
            this.source = file.getFileName().toString();
            this.csv = csv(meter.open(file), 0);
            this.rows = rows;
        }

        /**
         * For a change feed: the rows from {@code from} (a row boundary) to {@code to}, under the
         * header read from the start of the file; line numbers are the file's.
         */
        RowReader(Path file, Rows<T> rows, FilePosition from, long to) throws IOException {
            this.source = file.getFileName().toString();
            this.rows = rows;
            if (from.offset() > 0) {
                try (CsvReader head = csv(Files.newInputStream(file), 0)) {
                    CsvReader.Row row = head.next();
                    while (row != null && row.isBlank()) {
                        row = head.next();
                    }
                    headerRead = true;
                    unusable = row == null || !readHeader(row);
                }
            }
            this.csv = csv(FilePosition.bytes(file, from.offset(), to), from.lines());
        }

        /** Undecodable bytes are an error, not silently replaced characters. */
        private static CsvReader csv(java.io.InputStream in, long linesBefore) {
            return new CsvReader(new StrictUtf8Reader(new BufferedInputStream(in, 1 << 16)), linesBefore);
        }

        @Override public boolean next(Consumer<? super T> action) throws IOException {
            if (unusable) {
                return false;
            }
            try {
                CsvReader.Row row;
                while ((row = csv.next()) != null) {
                    long line = row.line();
                    if (!headerRead) {
                        if (row.isBlank()) {
                            continue;
                        }
                        headerRead = true;
                        if (!readHeader(row)) {
                            unusable = true;
                            return false;
                        }
                        continue;
                    }
                    if (row.isBlank()) {
                        continue;
                    }
                    if (row.error() != null) {
                        problems.badLine(source, line, row.error());
                        continue;
                    }
                    if (row.cells().size() != rows.header.size()) {
                        problems.badLine(source, line, "the row has " + row.cells().size()
                                + " cells, the header has " + rows.header.size());
                        continue;
                    }
                    try {
                        action.accept(rows.row(row.cells(), message -> problems.warning(source, line, message)));
                        return true;
                    } catch (BadRow e) {
                        problems.badLine(source, line, e.getMessage());
                    }
                }
                return false;
            } catch (CharacterCodingException e) {
                problems.badLine(source, csv.line(), "not valid UTF-8 (" + e.getMessage()
                        + "); the rest of the file is skipped");
                unusable = true;
                return false;
            }
        }

        private boolean readHeader(CsvReader.Row row) {
            if (row.error() != null) {
                problems.badLine(source, row.line(), "header: " + row.error() + "; the file is skipped");
                return false;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String name : row.cells()) {
                if (!name.isBlank() && !seen.add(normalHeader(name))) {
                    problems.badLine(source, row.line(), "header: column \"" + name.strip()
                            + "\" appears twice; the file is skipped");
                    return false;
                }
            }
            rows.header = List.copyOf(row.cells());
            String error = rows.header(rows.header, message -> problems.warning(source, row.line(), message));
            if (error != null) {
                problems.badLine(source, row.line(), "header: " + error + "; the file is skipped");
                return false;
            }
            return true;
        }

        @Override public void close() throws IOException {
            csv.close();
        }
    }
}
