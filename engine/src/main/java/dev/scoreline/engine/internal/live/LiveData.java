package dev.scoreline.engine.internal.live;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.data.EventSpan;
import dev.scoreline.engine.internal.data.LoadedData;
import dev.scoreline.engine.internal.data.ShapeInterner;
import dev.scoreline.engine.internal.match.DroolsFacts;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data of a live engine: the same view as {@link LoadedData}, but each record's shape,
 * events and associations can change one at a time. Built from a bulk-loaded population, so
 * the projection and the warnings are those of a full run.
 */
public final class LiveData implements DataView {

    private final ShapeInterner shapes;
    private final LoadedData.Warnings warnings;
    private final Map<RecordKey, Integer> index = new HashMap<>();
    private final List<RecordKey> keys = new ArrayList<>();
    private int[] recordShape = new int[16];
    private boolean[] removed = new boolean[16];
    private int[][] evShape = new int[16][];
    private long[][] evAt = new long[16][];
    private int[] evCount = new int[16];
    /** Other record → folded labels, per record; arrays below are rebuilt from it on change. */
    private final List<Map<Integer, Set<String>>> links = new ArrayList<>();
    private int[][] asOther = new int[16][];
    private int[][] asLabels = new int[16][];

    LiveData(LoadedData p, LoadedData.Warnings warnings) {
        this.shapes = p.shapes();
        this.warnings = warnings;
        int n = p.size();
        for (int i = 0; i < n; i++) {
            int rec = add(p.key(i), p.recordShape(i));
            int m = p.eventCount(i);
            evShape[rec] = new int[Math.max(4, m)];
            evAt[rec] = new long[Math.max(4, m)];
            for (int e = 0; e < m; e++) {
                evShape[rec][e] = p.eventShape(i, e);
                evAt[rec][e] = p.eventAt(i, e);
            }
            evCount[rec] = m;
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p.assocCount(i); a++) {
                links.get(i).put(p.assocOther(i, a), shapes.labelSet(p.assocLabels(i, a)));
            }
            relink(i);
        }
    }

    private int add(RecordKey key, int shape) {
        int rec = keys.size();
        if (rec == recordShape.length) {
            int cap = rec * 2;
            recordShape = Arrays.copyOf(recordShape, cap);
            removed = Arrays.copyOf(removed, cap);
            evShape = Arrays.copyOf(evShape, cap);
            evAt = Arrays.copyOf(evAt, cap);
            evCount = Arrays.copyOf(evCount, cap);
            asOther = Arrays.copyOf(asOther, cap);
            asLabels = Arrays.copyOf(asLabels, cap);
        }
        keys.add(key);
        index.put(key, rec);
        recordShape[rec] = shape;
        evShape[rec] = new int[4];
        evAt[rec] = new long[4];
        links.add(new LinkedHashMap<>());
        asOther[rec] = new int[0];
        asLabels[rec] = new int[0];
        return rec;
    }

    public int size() {
        return keys.size();
    }

    public boolean isRemoved(int rec) {
        return removed[rec];
    }

    public Integer indexOf(RecordKey key) {
        Integer rec = index.get(key);
        return rec == null || removed[rec] ? null : rec;
    }

    public String type(int rec) {
        return shapes.recordShape(recordShape[rec]).type();
    }

    @Override public ShapeInterner shapes() { return shapes; }
    @Override public RecordKey key(int rec) { return keys.get(rec); }
    @Override public int recordShape(int rec) { return recordShape[rec]; }
    @Override public int eventCount(int rec) { return evCount[rec]; }
    @Override public int eventShape(int rec, int i) { return evShape[rec][i]; }
    @Override public long eventAt(int rec, int i) { return evAt[rec][i]; }
    @Override public void events(int rec, EventSpan span) { span.set(evAt[rec], evShape[rec], 0, evCount[rec]); }
    @Override public int assocCount(int rec) { return asOther[rec].length; }
    @Override public int assocOther(int rec, int i) { return asOther[rec][i]; }
    @Override public int assocLabels(int rec, int i) { return asLabels[rec][i]; }

    /** The records associated with {@code rec}. */
    public int[] neighbours(int rec) {
        return asOther[rec].clone();
    }

    /** Adds or replaces a record (its properties and lists as they are now); returns its number. */
    public int upsert(CrmRecord r) {
        Object[] projected = shapes.projectRecord(r.key().type(), r.properties(), warnings.numbers("records", r.key()));
        int shape = shapes.internRecord(DataValue.fold(r.key().type()), projected, shapes.readLists(r.lists()));
        Integer rec = index.get(r.key());
        if (rec == null) {
            return add(r.key(), shape);
        }
        removed[rec] = false;
        setShape(rec, shape);
        return rec;
    }

    /** Removes a record with its events and associations; returns the records it was associated with. */
    public int[] remove(RecordKey key) {
        Integer rec = indexOf(key);
        if (rec == null) {
            return new int[0];
        }
        int[] others = neighbours(rec);
        for (int o : others) {
            links.get(o).remove(rec);
            relink(o);
        }
        links.get(rec).clear();
        relink(rec);
        evCount[rec] = 0;
        removed[rec] = true;
        return others;
    }

    /** Appends an event to its record; returns the record, or -1 when it is not in the data. */
    public int append(CrmEvent e) {
        Integer rec = indexOf(e.record());
        if (rec == null) {
            warnings.dangling("events", e.type() + " event", e.record());
            return -1;
        }
        if (!shapes.program().readsEvents) {
            return rec; // no rule reads events: nothing to keep (as when loading)
        }
        Object[] raw = shapes.projectEvent(e.type(), e.properties(), warnings.numbers("events", e.record()));
        int shape = shapes.internEvent(DataValue.fold(e.type()), raw, shapes.recordShape(recordShape[rec]).lists());
        int n = evCount[rec];
        if (n == evShape[rec].length) {
            evShape[rec] = Arrays.copyOf(evShape[rec], n * 2);
            evAt[rec] = Arrays.copyOf(evAt[rec], n * 2);
        }
        // Kept in the order a load gives (instant, then shape): the cap walk enters each period once,
        // so an event that arrives late but happened earlier goes where a load would have put it.
        long at = e.at().toEpochMilli();
        int[] shapesOf = evShape[rec];
        long[] times = evAt[rec];
        int pos = n;
        while (pos > 0 && (times[pos - 1] > at || (times[pos - 1] == at && shapesOf[pos - 1] > shape))) {
            pos--;
        }
        System.arraycopy(shapesOf, pos, shapesOf, pos + 1, n - pos);
        System.arraycopy(times, pos, times, pos + 1, n - pos);
        shapesOf[pos] = shape;
        times[pos] = at;
        evCount[rec] = n + 1;
        return rec;
    }

    /** Adds an association (labels add up); returns both ends, or none when it is ignored. */
    public int[] associate(Association a) {
        Integer x = indexOf(a.from());
        Integer y = indexOf(a.to());
        if (x == null || y == null) {
            warnings.dangling("associations", "association " + a.from() + " -> " + a.to(),
                    x == null ? a.from() : a.to());
            return new int[0];
        }
        if (x.equals(y)) {
            return new int[0];
        }
        Set<String> labels = new TreeSet<>(links.get(x).getOrDefault(y, Set.of()));
        for (String l : a.labels()) {
            labels.add(DataValue.fold(l));
        }
        links.get(x).put(y, labels);
        links.get(y).put(x, labels);
        relink(x);
        relink(y);
        return new int[] {x, y};
    }

    /** Removes the association between two records, whatever its labels; returns both ends. */
    public int[] dissociate(Association a) {
        Integer x = indexOf(a.from());
        Integer y = indexOf(a.to());
        if (x == null || y == null || links.get(x).remove(y) == null) {
            return new int[0];
        }
        links.get(y).remove(x);
        relink(x);
        relink(y);
        return new int[] {x, y};
    }

    /** Adds or removes a list membership; returns the record, or -1. */
    public int membership(RecordKey key, String list, boolean member) {
        Integer rec = indexOf(key);
        if (rec == null) {
            warnings.dangling("lists", "list \"" + list + "\"", key);
            return -1;
        }
        RecordShape shape = shapes.recordShape(recordShape[rec]);
        Set<String> lists = new TreeSet<>(shape.lists());
        Set<String> changed = shapes.readLists(List.of(list));
        if (member) {
            lists.addAll(changed);
        } else {
            lists.removeAll(changed);
        }
        Object[] projected = new Object[shapes.program().recordProperties.size()];
        for (int i = 0; i < projected.length; i++) {
            DataValue v = shape.values().get(shapes.program().recordProperties.get(i));
            projected[i] = v == null ? null : v.rawTexts();
        }
        setShape(rec, shapes.internRecord(shape.type(), projected, lists));
        return rec;
    }

    private void setShape(int rec, int shape) {
        recordShape[rec] = shape;
        // Event conditions may read the owner's lists: keep the events' shapes in step.
        Set<String> lists = shapes.recordShape(shape).lists();
        for (int e = 0; e < evCount[rec]; e++) {
            evShape[rec][e] = shapes.withOwnerLists(evShape[rec][e], lists);
        }
    }

    private void relink(int rec) {
        Map<Integer, Set<String>> l = links.get(rec);
        int[] others = new int[l.size()];
        int[] labels = new int[l.size()];
        int i = 0;
        for (Map.Entry<Integer, Set<String>> e : l.entrySet()) {
            others[i] = e.getKey();
            labels[i] = shapes.internLabels(e.getValue());
            i++;
        }
        asOther[rec] = others;
        asLabels[rec] = labels;
    }
}
