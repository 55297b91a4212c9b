package dev.scoreline.engine.internal.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Values by small dense id (a shape id), read by the scoring threads without a lock, boxing or
 * hashing: one array read where a {@code ConcurrentHashMap<Integer, …>} costs a boxed key and a
 * few dependent reads (for 100,000 near-unique record shapes, the largest cost of a fit score).
 *
 * <p>A grown array is published by replacing it through a volatile field; a value put into the
 * current array is published with release/acquire, so a reader that sees a value sees it whole.
 * A reader that sees null takes the slow path its caller has.
 */
public final class IdTable<T> {

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private volatile Object[] values;

    public IdTable(int sizeHint) {
        values = new Object[Math.max(16, sizeHint)];
    }

    @SuppressWarnings("unchecked")
    public T get(int id) {
        Object[] v = values;
        return id < v.length ? (T) ELEMENT.getAcquire(v, id) : null;
    }

    public synchronized void put(int id, T value) {
        Object[] v = values;
        if (id >= v.length) {
            Object[] grown = Arrays.copyOf(v, Math.max(id + 1, v.length * 2));
            grown[id] = value;
            values = grown;
            return;
        }
        ELEMENT.setRelease(v, id, value);
    }

    /** Puts values[i] at ids[i] for i below {@code n}, under one lock (a chunk's new shapes at once). */
    public synchronized void putAll(int[] ids, Object[] values, int n) {
        int max = -1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, ids[i]);
        }
        Object[] v = this.values;
        if (max >= v.length) {
            v = Arrays.copyOf(v, Math.max(max + 1, v.length * 2));
            for (int i = 0; i < n; i++) {
                v[ids[i]] = values[i];
            }
            this.values = v;
            return;
        }
        for (int i = 0; i < n; i++) {
            ELEMENT.setRelease(v, ids[i], values[i]);
        }
    }

    public synchronized void clear() {
        values = new Object[values.length];
    }
}
