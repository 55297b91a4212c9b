package dev.scoreline.engine.internal.record;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.data.EventSpan;
import dev.scoreline.engine.internal.data.ShapeInterner;
import java.util.Arrays;

/**
 * The data of one scoring: the scored record as record 0, the records associated with it after it.
 * Refilled for every record a task scores; the shapes it holds are the task's, shared by all.
 * Only record 0 has associations: the evaluator reads a neighbour's shape and events, never its
 * own neighbours.
 */
final class RecordView implements DataView {

    private final ShapeInterner shapes;
    private int size;
    private RecordKey[] keys = new RecordKey[8];
    private int[] recordShape = new int[8];
    private int[][] evShape = new int[8][];
    private long[][] evAt = new long[8][];
    private int[] evCount = new int[8];
    private int links;
    private int[] asOther = new int[8];
    private int[] asLabels = new int[8];

    RecordView(ShapeInterner shapes) {
        this.shapes = shapes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        links = 0;
    }

    /** Adds a record with no events; returns its number. */
    int add(RecordKey key, int shape) {
        if (size == keys.length) {
            int cap = size * 2;
            keys = Arrays.copyOf(keys, cap);
            recordShape = Arrays.copyOf(recordShape, cap);
            evShape = Arrays.copyOf(evShape, cap);
            evAt = Arrays.copyOf(evAt, cap);
            evCount = Arrays.copyOf(evCount, cap);
        }
        int rec = size++;
        keys[rec] = key;
        recordShape[rec] = shape;
        if (evShape[rec] == null) {
            evShape[rec] = new int[4];
            evAt[rec] = new long[4];
        }
        evCount[rec] = 0;
        return rec;
    }

    void addEvent(int rec, int shape, long at) {
        int n = evCount[rec];
        if (n == evShape[rec].length) {
            evShape[rec] = Arrays.copyOf(evShape[rec], n * 2);
            evAt[rec] = Arrays.copyOf(evAt[rec], n * 2);
        }
        evShape[rec][n] = shape;
        evAt[rec][n] = at;
        evCount[rec] = n + 1;
    }

    /** Associates record 0 with {@code other} under an interned label set. */
    void link(int other, int labels) {
        if (links == asOther.length) {
            asOther = Arrays.copyOf(asOther, links * 2);
            asLabels = Arrays.copyOf(asLabels, links * 2);
        }
        asOther[links] = other;
        asLabels[links] = labels;
        links++;
    }

    @Override public ShapeInterner shapes() { return shapes; }
    @Override public RecordKey key(int rec) { return keys[rec]; }
    @Override public int recordShape(int rec) { return recordShape[rec]; }
    @Override public int eventCount(int rec) { return evCount[rec]; }
    @Override public int eventShape(int rec, int i) { return evShape[rec][i]; }
    @Override public long eventAt(int rec, int i) { return evAt[rec][i]; }
    @Override public void events(int rec, EventSpan span) { span.set(evAt[rec], evShape[rec], 0, evCount[rec]); }
    @Override public int assocCount(int rec) { return rec == 0 ? links : 0; }
    @Override public int assocOther(int rec, int i) { return asOther[i]; }
    @Override public int assocLabels(int rec, int i) { return asLabels[i]; }
}
