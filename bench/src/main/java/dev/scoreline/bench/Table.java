package dev.scoreline.bench;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records of one object type, column by column, with their events in compressed rows:
 * the events of record i are {@code evStart[i] .. evStart[i+1]} in {@link #evType}, {@link #evAt}
 * (epoch milliseconds) and {@link #evProps} (an index into {@link DataSet#eventProps}, -1 for none).
 */
public final class Table {
    public final String type;
    public final int size;
    public final String[] ids;
    private final Map<String, Column> columns;
    /** Lists the record belongs to: dictionary values are {@code List<String>}. */
    public final Column lists;
    public final int[] evStart;
    public final int[] evType;
    public final long[] evAt;
    public final int[] evProps;
    private Map<String, Integer> index;

    public Table(String type, String[] ids, Map<String, Column> columns, Column lists,
                 int[] evStart, int[] evType, long[] evAt, int[] evProps) {
        this.type = type;
        this.size = ids.length;
        this.ids = ids;
        Map<String, Column> byName = new HashMap<>();
        columns.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
        this.columns = Collections.unmodifiableMap(byName);
        this.lists = lists;
        this.evStart = evStart;
        this.evType = evType;
        this.evAt = evAt;
        this.evProps = evProps;
    }

    /** The column of a property (names ignore case); a column of "missing" when no record has it. */
    public Column column(String name) {
        Column c = columns.get(name.toLowerCase(Locale.ROOT));
        if (c == null) {
            int[] codes = new int[size];
            java.util.Arrays.fill(codes, -1);
            return new Column(codes, List.of());
        }
        return c;
    }

    public Map<String, Column> columns() {
        return columns;
    }

    public long eventCount() {
        return evAt.length;
    }

    public int eventCount(int record) {
        return evStart[record + 1] - evStart[record];
    }

    /** Record index of an id, or -1. */
    public synchronized int indexOf(String id) {
        if (index == null) {
            Map<String, Integer> m = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) m.put(ids[i], i);
            index = m;
        }
        return index.getOrDefault(id, -1);
    }

    public String key(int i) {
        return type + ":" + ids[i];
    }
}
