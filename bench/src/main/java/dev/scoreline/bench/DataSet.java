package dev.scoreline.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole CRM data set in memory, column by column (see {@link Table}), for the baselines that
 * score from memory, plus — when it was written or read from disk — the jsonl data folder holding
 * the same data, for the contenders that load files (DuckDB, the engine).
 */
public final class DataSet {
    private final Map<String, Table> tables;
    /** Event types, by code ({@link Table#evType}). As written in the data. */
    public final List<String> eventTypes;
    /** Event property maps, by code ({@link Table#evProps}). */
    public final List<Map<String, Object>> eventProps;
    private final Map<String, Links> links;
    private volatile Path folder;
    /** The seed the data was generated from, or -1 when read from files. */
    public final long seed;

    public DataSet(Map<String, Table> tables, List<String> eventTypes, List<Map<String, Object>> eventProps,
                   List<Links> links, Path folder, long seed) {
        this.tables = new LinkedHashMap<>(tables);
        this.eventTypes = List.copyOf(eventTypes);
        this.eventProps = List.copyOf(eventProps);
        this.links = new LinkedHashMap<>();
        for (Links l : links) this.links.put(l.fromType + ">" + l.toType, l);
        this.folder = folder;
        this.seed = seed;
    }

    /** The table of an object type; an empty table when the data has none. */
    public Table table(String type) {
        Table t = tables.get(type);
        return t != null ? t : new Table(type, new String[0], Map.of(), new Column(new int[0], List.of()),
                new int[1], new int[0], new long[0], new int[0]);
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /** The associations from records of {@code from} to records of {@code to} (both directions are stored). */
    public Links links(String from, String to) {
        Links l = links.get(from + ">" + to);
        if (l != null) return l;
        int n = table(from).size;
        return new Links(from, to, new int[n + 1], new int[0], new int[0], List.of());
    }

    public long eventCount() {
        long n = 0;
        for (Table t : tables.values()) n += t.eventCount();
        return n;
    }

    public long recordCount() {
        long n = 0;
        for (Table t : tables.values()) n += t.size;
        return n;
    }

    /** The jsonl data folder holding this data, when there is one. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    public void folder(Path folder) {
        this.folder = folder;
    }

    public int eventTypeCode(String type) {
        for (int i = 0; i < eventTypes.size(); i++) {
            if (eventTypes.get(i).trim().equalsIgnoreCase(type)) return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        tables.forEach((k, t) -> b.append(k).append(": ").append(t.size).append(", "));
        b.append("events: ").append(eventCount()).append(", ");
        long a = 0;
        for (Map.Entry<String, Links> e : links.entrySet()) a += e.getValue().count();
        b.append("associations: ").append(a / 2);
        return b.toString();
    }
}
