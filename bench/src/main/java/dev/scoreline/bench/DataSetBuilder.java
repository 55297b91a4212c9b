package dev.scoreline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects records, events and associations and builds a columnar {@link DataSet}. Follows the data
 * rules of language.md §12: a record key seen twice keeps the last record; the same association
 * written twice counts once with the union of its labels; an association with itself is ignored;
 * events and associations naming a record not in the data are ignored (counted in {@link #warnings()}).
 * Records must be added before the events and associations that name them.
 */
public final class DataSetBuilder {

    private static final class TableBuilder {
        final String type;
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
        final ColumnBuilder lists = new ColumnBuilder();

        TableBuilder(String type) {
            this.type = type;
        }
    }

    private static final class ColumnBuilder {
        int[] codes = new int[16];
        int size;
        final Map<Object, Integer> dict = new HashMap<>();
        final List<Object> values = new ArrayList<>();

        void set(int i, Object value, boolean present) {
            if (i >= codes.length) codes = Arrays.copyOf(codes, Math.max(codes.length * 2, i + 1));
            while (size <= i) codes[size++] = -1;
            if (!present) {
                codes[i] = -1;
                return;
            }
            Object k = value == null ? Column.NULL : value;
            Integer c = dict.get(k);
            if (c == null) {
                c = values.size();
                dict.put(k, c);
                values.add(k);
            }
            codes[i] = c;
        }

        Column build(int n) {
            int[] out = new int[n];
            Arrays.fill(out, -1);
            System.arraycopy(codes, 0, out, 0, Math.min(size, n));
            return new Column(out, values);
        }
    }

    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    private final Map<String, Integer> eventTypeCodes = new HashMap<>();
    private final List<String> eventTypes = new ArrayList<>();
    private final Map<Map<String, Object>, Integer> eventPropCodes = new HashMap<>();
    private final List<Map<String, Object>> eventProps = new ArrayList<>();
    private final Map<List<String>, Integer> labelCodes = new HashMap<>();
    private final List<List<String>> labelSets = new ArrayList<>();

    private final List<String> tableOrder = new ArrayList<>();
    private int[] evTable = new int[1024];
    private int[] evOwner = new int[1024];
    private int[] evTypeA = new int[1024];
    private long[] evAtA = new long[1024];
    private int[] evPropsA = new int[1024];
    private int evCount;

    private final Map<String, int[]> assoc = new LinkedHashMap<>(); // "ta\0ia\0tb\0ib" -> [labelsCode]
    private int[] asTa = new int[1024], asIa = new int[1024], asTb = new int[1024], asIb = new int[1024], asLab = new int[1024];
    private int asCount;
    private final boolean dedupeAssociations;
    private long warnings;
    private long seed = -1;
    private Path folder;

    public DataSetBuilder() {
        this(true);
    }

    /** @param dedupeAssociations false when the caller guarantees no association is written twice (the generator). */
    public DataSetBuilder(boolean dedupeAssociations) {
        this.dedupeAssociations = dedupeAssociations;
    }

    public DataSetBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public DataSetBuilder folder(Path folder) {
        this.folder = folder;
        return this;
    }

    private TableBuilder table(String type) {
        return tables.computeIfAbsent(type, t -> {
            tableOrder.add(t);
            return new TableBuilder(t);
        });
    }

    private int tableCode(String type) {
        table(type);
        return tableOrder.indexOf(type);
    }

    /** Adds (or replaces, when the key was seen) a record; returns its index in its table. */
    public int record(String type, String id, Map<String, Object> properties, Collection<String> lists) {
        TableBuilder t = table(type);
        Integer idx = t.index.get(id);
        if (idx == null) {
            idx = t.ids.size();
            t.ids.add(id);
            t.index.put(id, idx);
        } else {
            warnings++;
            for (ColumnBuilder c : t.columns.values()) c.set(idx, null, false);
        }
        if (properties != null) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
                t.columns.computeIfAbsent(name, k -> new ColumnBuilder()).set(idx, e.getValue(), true);
            }
        }
        if (lists != null && !lists.isEmpty()) {
            t.lists.set(idx, List.copyOf(lists), true);
        } else {
            t.lists.set(idx, null, false);
        }
        return idx;
    }

    public int eventTypeCode(String type) {
        return eventTypeCodes.computeIfAbsent(type, k -> {
            eventTypes.add(k);
            return eventTypes.size() - 1;
        });
    }

    public int eventPropsCode(Map<String, Object> props) {
        if (props == null || props.isEmpty()) return -1;
        return eventPropCodes.computeIfAbsent(props, k -> {
            eventProps.add(k);
            return eventProps.size() - 1;
        });
    }

    /** An event of a record given by key; ignored (a warning) when the record is unknown. */
    public void event(String recordKey, String type, long at, Map<String, Object> props) {
        int colon = recordKey.indexOf(':');
        TableBuilder t = colon <= 0 ? null : tables.get(recordKey.substring(0, colon));
        Integer idx = t == null ? null : t.index.get(recordKey.substring(colon + 1));
        if (idx == null) {
            warnings++;
            return;
        }
        event(t.type, idx, eventTypeCode(type), at, eventPropsCode(props));
    }

    /** The fast path: an event of record {@code index} of table {@code type}, codes already known. */
    public void event(String type, int index, int typeCode, long at, int propsCode) {
        if (evCount == evOwner.length) {
            int n = evCount * 2;
            evTable = Arrays.copyOf(evTable, n);
            evOwner = Arrays.copyOf(evOwner, n);
            evTypeA = Arrays.copyOf(evTypeA, n);
            evAtA = Arrays.copyOf(evAtA, n);
            evPropsA = Arrays.copyOf(evPropsA, n);
        }
        evTable[evCount] = tableCode(type);
        evOwner[evCount] = index;
        evTypeA[evCount] = typeCode;
        evAtA[evCount] = at;
        evPropsA[evCount] = propsCode;
        evCount++;
    }

    public int labelsCode(Collection<String> labels) {
        if (labels == null || labels.isEmpty()) return -1;
        List<String> l = List.copyOf(labels);
        return labelCodes.computeIfAbsent(l, k -> {
            labelSets.add(k);
            return labelSets.size() - 1;
        });
    }

    /** An association between two records given by key. */
    public void association(String fromKey, String toKey, Collection<String> labels) {
        int a = fromKey.indexOf(':'), b = toKey.indexOf(':');
        TableBuilder ta = a <= 0 ? null : tables.get(fromKey.substring(0, a));
        TableBuilder tb = b <= 0 ? null : tables.get(toKey.substring(0, b));
        Integer ia = ta == null ? null : ta.index.get(fromKey.substring(a + 1));
        Integer ib = tb == null ? null : tb.index.get(toKey.substring(b + 1));
        if (ia == null || ib == null) {
            warnings++;
            return;
        }
        association(ta.type, ia, tb.type, ib, labelsCode(labels));
    }

    /** The fast path: an association between record ia of ta and record ib of tb. */
    public void association(String ta, int ia, String tb, int ib, int labelsCode) {
        int ca = tableCode(ta), cb = tableCode(tb);
        if (ca == cb && ia == ib) return; // an association with itself is ignored
        if (dedupeAssociations) {
            // one entry per unordered pair, labels united
            boolean swap = ca > cb || (ca == cb && ia > ib);
            String k = swap ? cb + "\0" + ib + "\0" + ca + "\0" + ia : ca + "\0" + ia + "\0" + cb + "\0" + ib;
            int[] slot = assoc.get(k);
            if (slot != null) {
                int old = asLab[slot[0]];
                if (labelsCode >= 0 && old != labelsCode) {
                    Set<String> union = new LinkedHashSet<>();
                    if (old >= 0) union.addAll(labelSets.get(old));
                    union.addAll(labelSets.get(labelsCode));
                    asLab[slot[0]] = labelsCode(union);
                }
                return;
            }
            assoc.put(k, new int[]{asCount});
        }
        if (asCount == asTa.length) {
            int n = asCount * 2;
            asTa = Arrays.copyOf(asTa, n);
            asIa = Arrays.copyOf(asIa, n);
            asTb = Arrays.copyOf(asTb, n);
            asIb = Arrays.copyOf(asIb, n);
            asLab = Arrays.copyOf(asLab, n);
        }
        asTa[asCount] = ca;
        asIa[asCount] = ia;
        asTb[asCount] = cb;
        asIb[asCount] = ib;
        asLab[asCount] = labelsCode;
        asCount++;
    }

    public long warnings() {
        return warnings;
    }

    public DataSet build() {
        Map<String, Table> out = new LinkedHashMap<>();
        int nt = tableOrder.size();
        // events: counting sort by (table, owner)
        int[][] starts = new int[nt][];
        for (int t = 0; t < nt; t++) starts[t] = new int[tables.get(tableOrder.get(t)).ids.size() + 1];
        for (int e = 0; e < evCount; e++) starts[evTable[e]][evOwner[e] + 1]++;
        int[] totals = new int[nt];
        for (int t = 0; t < nt; t++) {
            int[] s = starts[t];
            for (int i = 1; i < s.length; i++) s[i] += s[i - 1];
            totals[t] = s[s.length - 1];
        }
        int[][] types = new int[nt][], props = new int[nt][];
        long[][] ats = new long[nt][];
        int[][] fill = new int[nt][];
        for (int t = 0; t < nt; t++) {
            types[t] = new int[totals[t]];
            props[t] = new int[totals[t]];
            ats[t] = new long[totals[t]];
            fill[t] = Arrays.copyOf(starts[t], starts[t].length - 1);
        }
        for (int e = 0; e < evCount; e++) {
            int t = evTable[e];
            int p = fill[t][evOwner[e]]++;
            types[t][p] = evTypeA[e];
            ats[t][p] = evAtA[e];
            props[t][p] = evPropsA[e];
        }
        evTable = evOwner = evTypeA = evPropsA = null;
        evAtA = null;
        for (int t = 0; t < nt; t++) {
            TableBuilder tb = tables.get(tableOrder.get(t));
            int n = tb.ids.size();
            Map<String, Column> cols = new LinkedHashMap<>();
            tb.columns.forEach((k, c) -> cols.put(k, c.build(n)));
            out.put(tb.type, new Table(tb.type, tb.ids.toArray(new String[0]), cols, tb.lists.build(n),
                    starts[t], types[t], ats[t], props[t]));
        }
        // associations: both directions for every pair of tables that has some
        List<Links> links = new ArrayList<>();
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                int na = out.get(tableOrder.get(a)).size;
                int[] start = new int[na + 1];
                int count = 0;
                for (int k = 0; k < asCount; k++) {
                    if (asTa[k] == a && asTb[k] == b) { start[asIa[k] + 1]++; count++; }
                    if (asTb[k] == a && asTa[k] == b) { start[asIb[k] + 1]++; count++; }
                }
                if (count == 0) continue;
                for (int i = 1; i <= na; i++) start[i] += start[i - 1];
                int[] pos = Arrays.copyOf(start, na);
                int[] target = new int[count], labels = new int[count];
                for (int k = 0; k < asCount; k++) {
                    if (asTa[k] == a && asTb[k] == b) {
                        int p = pos[asIa[k]]++;
                        target[p] = asIb[k];
                        labels[p] = asLab[k];
                    }
                    if (asTb[k] == a && asTa[k] == b) {
                        int p = pos[asIb[k]]++;
                        target[p] = asIa[k];
                        labels[p] = asLab[k];
                    }
                }
                links.add(new Links(tableOrder.get(a), tableOrder.get(b), start, target, labels, labelSets));
            }
        }
        return new DataSet(out, eventTypes, eventProps, links, folder, seed);
    }
}
