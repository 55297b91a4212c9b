package dev.scoreline.plugins.csv;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes any adapter's data in the {@link CsvAdapter}'s layout (data-and-cli.md §2), as a CRM
 * export holds it: one {@code <type>.csv} per record type with a column per property, {@code
 * events.csv} with {@code prop.NAME} columns, {@code associations.csv} and {@code lists.csv}.
 * Several values of a property, and labels, are joined with {@code ;}. It reads the adapter's
 * streams twice (the columns, then the rows) and holds one open file per record type, so it
 * writes folders larger than memory.
 */
public final class CsvExport {

    private CsvExport() { }

    /** Writes {@code source}'s data into {@code csvDir} (created); the adapter is opened and closed here. */
    public static void write(CrmAdapter source, Path csvDir, DataProblems problems) throws IOException {
        Files.createDirectories(csvDir);
        try (source) {
            source.open(problems);
            writeRecords(source, csvDir);
            writeEvents(source, csvDir);
            writeAssociations(source, csvDir);
        }
    }

    private static void writeRecords(CrmAdapter source, Path csvDir) throws IOException {
        Map<String, TreeSet<String>> columns = new LinkedHashMap<>();
        try (Stream<CrmRecord> records = source.records()) {
            records.forEach(r -> columns.computeIfAbsent(r.key().type(), t -> new TreeSet<>()).addAll(r.properties().keySet()));
        }
        for (String type : columns.keySet()) {
            if (List.of("events", "associations", "lists").contains(type)) {
                throw new IllegalArgumentException("record type " + type + " clashes with a special csv file");
            }
        }
        Map<String, Writer> files = new HashMap<>();
        try (Writer lists = Files.newBufferedWriter(csvDir.resolve("lists.csv"), StandardCharsets.UTF_8);
             Stream<CrmRecord> records = source.records()) {
            row(lists, List.of("list", "record"));
            for (Map.Entry<String, TreeSet<String>> e : columns.entrySet()) {
                Writer w = Files.newBufferedWriter(csvDir.resolve(e.getKey() + ".csv"), StandardCharsets.UTF_8);
                files.put(e.getKey(), w);
                List<String> header = new ArrayList<>(List.of("id"));
                header.addAll(e.getValue());
                row(w, header);
            }
            records.forEach(r -> {
                List<String> cells = new ArrayList<>(List.of(r.key().id()));
                for (String name : columns.get(r.key().type())) {
                    cells.add(cell(r.properties().get(name)));
                }
                row(files.get(r.key().type()), cells);
                r.lists().forEach(list -> row(lists, List.of(list, r.key().toString())));
            });
            try (Stream<ListMembership> memberships = source.listMemberships()) {
                memberships.forEach(m -> row(lists, List.of(m.list(), m.record().toString())));
            }
        } finally {
            for (Writer w : files.values()) {
                w.close();
            }
        }
    }

    private static void writeEvents(CrmAdapter source, Path csvDir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<CrmEvent> events = source.events()) {
            events.forEach(ev -> names.addAll(ev.properties().keySet()));
        }
        try (Writer w = Files.newBufferedWriter(csvDir.resolve("events.csv"), StandardCharsets.UTF_8);
             Stream<CrmEvent> events = source.events()) {
            List<String> header = new ArrayList<>(List.of("record", "type", "at"));
            names.forEach(n -> header.add("prop." + n));
            row(w, header);
            events.forEach(ev -> {
                List<String> cells = new ArrayList<>(List.of(ev.record().toString(), ev.type(), ev.at().toString()));
                names.forEach(n -> cells.add(cell(ev.properties().get(n))));
                row(w, cells);
            });
        }
    }

    private static void writeAssociations(CrmAdapter source, Path csvDir) throws IOException {
        try (Writer w = Files.newBufferedWriter(csvDir.resolve("associations.csv"), StandardCharsets.UTF_8);
             Stream<Association> associations = source.associations()) {
            row(w, List.of("from", "to", "labels"));
            associations.forEach(a -> row(w, List.of(a.from().toString(), a.to().toString(), String.join(";", a.labels()))));
        }
    }

    /** A property's cell: empty when unknown, several values joined with {@code ;}, decimals plain. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            List<String> parts = new ArrayList<>();
            values.forEach(v -> parts.add(cell(v)));
            return String.join(";", parts);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static void row(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                // Data, not a sheet: no formula guard (CsvSink.quote), which the adapter would read as part of the value.
                out.write(CsvSink.rfc4180(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
