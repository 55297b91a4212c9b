package dev.scoreline.plugins.csv;

import dev.scoreline.api.Association;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.CsvReader;
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

    public CsvAdapter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void open(DataProblems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
        if (!java.nio.file.Files.isDirectory(dir)) {
            // Likely a mistyped path: say so rather than score an empty data set in silence.
            problems.warning(dir.toString(), 0, "the data folder does not exist; there is no data");
        }
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

    @Override
    public Stream<CrmRecord> records() {
        return LazyFileStream.of(recordFiles(), file -> {
            String fileName = file.getFileName().toString();
            String type = fileName.substring(0, fileName.length() - ".csv".length());
            return new RowReader<>(file, new RecordRows(type));
        });
    }

    @Override
    public Stream<CrmEvent> events() {
        return LazyFileStream.of(dir.resolve(EVENTS_FILE), file -> new RowReader<>(file, new EventRows()));
    }

    @Override
    public Stream<Association> associations() {
        return LazyFileStream.of(dir.resolve(ASSOCIATIONS_FILE), file -> new RowReader<>(file, new AssociationRows()));
    }

    @Override
    public Stream<ListMembership> listMemberships() {
        return LazyFileStream.of(dir.resolve(LISTS_FILE), file -> new RowReader<>(file, new ListRows()));
    }

    /**
     * Rows appended to the files since a watermark: record rows become upserts, event rows
     * appends, association and list rows additions. The watermark counts the data rows already
     * read of each file ({@code contact.csv=120;events.csv=3000;…}); files are only ever appended
     * to, and a file the watermark does not name is read from its first row.
     */
    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(new ChangeFeed() {
            @Override
            public ChangeFeed.Batch changesSince(String watermark) {
                return CsvAdapter.this.changesSince(watermark, true);
            }

            @Override
            public String currentWatermark() {
                return CsvAdapter.this.changesSince(null, false).nextWatermark();
            }
        });
    }

    private ChangeFeed.Batch changesSince(String watermark, boolean collect) {
        Map<String, Long> seen = new LinkedHashMap<>();
        if (watermark != null && !watermark.isBlank()) {
            for (String part : watermark.split(";")) {
                int eq = part.lastIndexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("not a csv watermark: \"" + watermark + "\"");
                }
                seen.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1).strip()));
            }
        }
        List<DataChange> changes = new ArrayList<>();
        Map<String, Long> next = new LinkedHashMap<>();
        for (Path file : recordFiles()) {
            String fileName = file.getFileName().toString();
            String type = fileName.substring(0, fileName.length() - ".csv".length());
            readNew(file, new RecordRows(type), seen, collect, next, r -> changes.add(new DataChange.RecordUpserted(r)));
        }
        readNew(dir.resolve(LISTS_FILE), new ListRows(), seen, collect, next,
                m -> changes.add(new DataChange.ListMembershipAdded(m)));
        readNew(dir.resolve(ASSOCIATIONS_FILE), new AssociationRows(), seen, collect, next,
                a -> changes.add(new DataChange.AssociationAdded(a)));
        readNew(dir.resolve(EVENTS_FILE), new EventRows(), seen, collect, next,
                e -> changes.add(new DataChange.EventAppended(e)));
        StringBuilder mark = new StringBuilder();
        next.forEach((f, n) -> mark.append(mark.length() == 0 ? "" : ";").append(f).append('=').append(n));
        return new ChangeFeed.Batch(changes, mark.toString());
    }

    /**
     * Hands the rows of {@code file} past its count in {@code seen} to {@code action} (without
     * {@code collect}, skips every row: counting only) and puts its new count in {@code next}.
     */
    private <T> void readNew(Path file, Rows<T> rows, Map<String, Long> seen, boolean collect, Map<String, Long> next,
                             Consumer<T> action) {
        String name = file.getFileName().toString();
        long before = seen.getOrDefault(name, 0L);
        next.put(name, Math.max(before, readAfter(file, rows, collect ? before : Long.MAX_VALUE, action)));
    }

    /** Reads the data rows after the first {@code skip}; returns how many data rows the file has (0: none). */
    private <T> long readAfter(Path file, Rows<T> rows, long skip, Consumer<T> action) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            RowReader<T> reader = new RowReader<>(file, rows);
            try {
                reader.skipRows = skip;
                while (reader.next(action)) {
                    // each call hands one fact to action
                }
                return reader.dataRows;
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            problems.warning(file.getFileName().toString(), 0, "cannot read for changes: " + e.getMessage());
            return 0;
        }
    }

    @Override
    public String toString() {
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

        abstract T row(List<String> cells);

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
        int id;

        RecordRows(String type) {
            this.type = type;
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
            return null;
        }

        @Override
        CrmRecord row(List<String> cells) {
            String recordId = required(cells, id, header.get(id).strip()).strip();
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (i != id && !header.get(i).isBlank()) {
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
        int record;
        int type;
        int at;

        @Override
        String header(List<String> names, Consumer<String> warn) {
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
        CrmEvent row(List<String> cells) {
            RecordKey key = key(cells, record, "record");
            String eventType = required(cells, type, "type").strip();
            Instant when;
            try {
                when = Instants.parse(required(cells, at, "at"));
            } catch (IllegalArgumentException e) {
                throw new BadRow(e.getMessage());
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = header.get(i).strip();
                if (normalHeader(name).startsWith(PROPERTY_PREFIX)) {
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
        Association row(List<String> cells) {
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
        ListMembership row(List<String> cells) {
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
        /** For a change feed: data rows (non-blank rows after the header) to pass over unread. */
        long skipRows;
        long dataRows;

        RowReader(Path file, Rows<T> rows) throws IOException {
            this.source = file.getFileName().toString();
            // Undecodable bytes are an error, not silently replaced characters.
            this.csv = new CsvReader(new StrictUtf8Reader(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
            this.rows = rows;
        }

        @Override
        public boolean next(Consumer<? super T> action) throws IOException {
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
                    if (++dataRows <= skipRows) {
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
                        action.accept(rows.row(row.cells()));
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

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
