package dev.scoreline.engine.internal.data;

import java.util.Arrays;

/**
 * Associations while loading: each unordered pair of record numbers (packed in a long) once, in
 * the order first seen, with the id of its interned label set. About 24 bytes per pair where a
 * map of boxed pairs to label sets took 150.
 */
final class PairIndex extends OpenIndex {

    private long[] pairs = new long[1024];
    private int[] labels = new int[1024];

    /** The pair's number, or -1. */
    int indexOf(long pair) {
        for (int s = first(mix(pair)); ; s = after(s)) {
            int i = entryAt(s);
            if (i < 0 || pairs[i] == pair) {
                return i;
            }
        }
    }

    /** Adds a pair not in the index yet, with its label set id; returns its number. */
    int add(long pair, int labelSet) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
            labels = Arrays.copyOf(labels, size * 2);
        }
        reserve();
        pairs[size] = pair;
        labels[size] = labelSet;
        return commit();
    }

    long pair(int i) {
        return pairs[i];
    }

    int labels(int i) {
        return labels[i];
    }

    void setLabels(int i, int labelSet) {
        labels[i] = labelSet;
    }

    @Override
    protected int hashAt(int i) {
        return mix(pairs[i]);
    }
}
