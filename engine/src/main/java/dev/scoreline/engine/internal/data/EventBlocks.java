package dev.scoreline.engine.internal.data;

import java.util.Arrays;

/**
 * Every event of a population as (owner, shape, instant), in blocks of 2^20 so that growing never
 * copies (a doubling array would hold the old and the new copy at once: for 30M events, 800 MB).
 * Loading appends in any order; {@link #groupByRecord} then moves the events in place so each
 * record's events are contiguous, oldest first, and drops the owners: 12 bytes per event remain.
 */
final class EventBlocks {

    private static final int SHIFT = 20;
    private static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] owner = new int[0][];
    private int[][] shape = new int[0][];
    private long[][] at = new long[0][];
    private int size;
    /** After grouping: the events of record i are start[i] until start[i+1]. */
    private int[] start;

    int size() {
        return size;
    }

    void add(int rec, int eventShape, long instant) {
        int b = size >>> SHIFT;
        if (b == shape.length) {
            // The last block may stay partly used; blocks after the first are full size.
            int len = b == 0 ? 1024 : BLOCK;
            owner = Arrays.copyOf(owner, b + 1);
            shape = Arrays.copyOf(shape, b + 1);
            at = Arrays.copyOf(at, b + 1);
            owner[b] = new int[len];
            shape[b] = new int[len];
            at[b] = new long[len];
        } else if (b == 0 && size == shape[0].length) {
            int len = Math.min(BLOCK, size * 2); // the first block grows up to full size
            owner[0] = Arrays.copyOf(owner[0], len);
            shape[0] = Arrays.copyOf(shape[0], len);
            at[0] = Arrays.copyOf(at[0], len);
        }
        int i = size & MASK;
        owner[b][i] = rec;
        shape[b][i] = eventShape;
        at[b][i] = instant;
        size++;
    }

    /**
     * Groups the events by record (an in-place bucket sort: one swap puts one event where it
     * belongs) and orders each record's events by instant, then shape. Memory beyond the events:
     * one int per record.
     */
    void groupByRecord(int records) {
        int[] from = new int[records + 1];
        for (int e = 0; e < size; e++) {
            from[owner(e) + 1]++;
        }
        for (int r = 0; r < records; r++) {
            from[r + 1] += from[r];
        }
        int[] next = Arrays.copyOf(from, records);
        for (int r = 0; r < records; r++) {
            int end = from[r + 1];
            while (next[r] < end) {
                int e = next[r];
                int o = owner(e);
                if (o == r) {
                    next[r]++;
                } else {
                    swap(e, next[o]++);
                }
            }
        }
        owner = null; // implied by position from now on
        for (int r = 0; r < records; r++) {
            sortSlice(from[r], from[r + 1]);
        }
        start = from;
    }

    int owner(int e) {
        return owner[e >>> SHIFT][e & MASK];
    }

    int shape(int e) {
        return shape[e >>> SHIFT][e & MASK];
    }

    long at(int e) {
        return at[e >>> SHIFT][e & MASK];
    }

    int start(int rec) {
        return start[rec];
    }

    int count(int rec) {
        return start[rec + 1] - start[rec];
    }

    /** Points the span at a record's events: in their block, or copied when they straddle two. */
    void span(int rec, EventSpan span) {
        int from = start[rec];
        int to = start[rec + 1];
        if (to == from) {
            span.set(span.scratchAt, span.scratchShape, 0, 0);
            return;
        }
        int b = from >>> SHIFT;
        if ((to - 1) >>> SHIFT == b) {
            span.set(at[b], shape[b], from & MASK, (from & MASK) + (to - from));
            return;
        }
        int n = to - from;
        if (span.scratchAt.length < n) {
            span.scratchAt = new long[n];
            span.scratchShape = new int[n];
        }
        for (int i = 0; i < n; i++) {
            span.scratchAt[i] = at(from + i);
            span.scratchShape[i] = shape(from + i);
        }
        span.set(span.scratchAt, span.scratchShape, 0, n);
    }

    private void swap(int x, int y) {
        int xb = x >>> SHIFT;
        int xi = x & MASK;
        int yb = y >>> SHIFT;
        int yi = y & MASK;
        int o = owner[xb][xi];
        owner[xb][xi] = owner[yb][yi];
        owner[yb][yi] = o;
        int s = shape[xb][xi];
        shape[xb][xi] = shape[yb][yi];
        shape[yb][yi] = s;
        long t = at[xb][xi];
        at[xb][xi] = at[yb][yi];
        at[yb][yi] = t;
    }

    /** Sorts by (instant, shape): insertion sort for the usual few events, a general sort for many. */
    private void sortSlice(int lo, int hi) {
        if (hi - lo > 32) {
            Integer[] order = new Integer[hi - lo];
            long[] times = new long[hi - lo];
            int[] shapes = new int[hi - lo];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
                times[k] = at(lo + k);
                shapes[k] = shape(lo + k);
            }
            Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b])
                    : Integer.compare(shapes[a], shapes[b]));
            for (int k = 0; k < order.length; k++) {
                set(lo + k, shapes[order[k]], times[order[k]]);
            }
            return;
        }
        for (int i = lo + 1; i < hi; i++) {
            long t = at(i);
            int s = shape(i);
            int j = i - 1;
            while (j >= lo && (at(j) > t || at(j) == t && shape(j) > s)) {
                set(j + 1, shape(j), at(j));
                j--;
            }
            set(j + 1, s, t);
        }
    }

    private void set(int e, int eventShape, long instant) {
        shape[e >>> SHIFT][e & MASK] = eventShape;
        at[e >>> SHIFT][e & MASK] = instant;
    }
}
