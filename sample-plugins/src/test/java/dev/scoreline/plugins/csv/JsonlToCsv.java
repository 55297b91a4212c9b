package dev.scoreline.plugins.csv;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.testkit.AdapterContents;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.plugins.jsonl.JsonlAdapter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes a jsonl data folder in the csv adapter's layout, as a CRM export would hold the same data. */
final class JsonlToCsv {

    private JsonlToCsv() { }

    static void convert(Path jsonlDir, Path csvDir) throws IOException {
        AdapterContents data = AdapterTestKit.read(new JsonlAdapter(jsonlDir));
        if (!data.problems().badLines().isEmpty()) {
            throw new IllegalArgumentException("bad lines in " + jsonlDir + ": " + data.problems().badLines());
        }
        Files.createDirectories(csvDir);
        Map<String, List<CrmRecord>> byType = new LinkedHashMap<>();
        for (CrmRecord r : data.records()) {
            byType.computeIfAbsent(r.key().type(), t -> new ArrayList<>()).add(r);
        }
        List<List<String>> lists = new ArrayList<>();
        for (Map.Entry<String, List<CrmRecord>> e : byType.entrySet()) {
            if (List.of("events", "associations", "lists").contains(e.getKey())) {
                throw new IllegalArgumentException("record type " + e.getKey() + " clashes with a special csv file");
            }
            TreeSet<String> names = new TreeSet<>();
            e.getValue().forEach(r -> names.addAll(r.properties().keySet()));
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("id"));
            header.addAll(names);
            rows.add(header);
            for (CrmRecord r : e.getValue()) {
                List<String> row = new ArrayList<>(List.of(r.key().id()));
                for (String name : names) {
                    row.add(cell(r.properties().get(name)));
                }
                rows.add(row);
                r.lists().forEach(list -> lists.add(List.of(list, r.key().toString())));
            }
            write(csvDir.resolve(e.getKey() + ".csv"), rows);
        }
        if (!lists.isEmpty()) {
            lists.add(0, List.of("list", "record"));
            write(csvDir.resolve("lists.csv"), lists);
        }
        if (!data.events().isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            data.events().forEach(ev -> names.addAll(ev.properties().keySet()));
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("record", "type", "at"));
            names.forEach(n -> header.add("prop." + n));
            rows.add(header);
            for (CrmEvent ev : data.events()) {
                List<String> row = new ArrayList<>(List.of(ev.record().toString(), ev.type(), ev.at().toString()));
                names.forEach(n -> row.add(cell(ev.properties().get(n))));
                rows.add(row);
            }
            write(csvDir.resolve("events.csv"), rows);
        }
        if (!data.associations().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("from", "to", "labels"));
            for (Association a : data.associations()) {
                rows.add(List.of(a.from().toString(), a.to().toString(), String.join(";", a.labels())));
            }
            write(csvDir.resolve("associations.csv"), rows);
        }
    }

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

    static void write(Path file, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(quote(row.get(i)));
                }
                out.write("\r\n");
            }
        }
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
