package dev.scoreline.bench;

import java.util.List;

/**
 * Associations from the records of one table to the records of another, as adjacency lists:
 * the targets of record i are {@code target[start[i] .. start[i+1])}, with their labels
 * ({@code labels[k]} indexes {@link #labelDict}, -1 for none). Associations join both ways; a
 * {@code Links} is one direction of them.
 */
public final class Links {
    public final String fromType;
    public final String toType;
    public final int[] start;
    public final int[] target;
    public final int[] labels;
    /** Each entry: the label set of an association, as written. */
    public final List<List<String>> labelDict;

    public Links(String fromType, String toType, int[] start, int[] target, int[] labels, List<List<String>> labelDict) {
        this.fromType = fromType;
        this.toType = toType;
        this.start = start;
        this.target = target;
        this.labels = labels;
        this.labelDict = List.copyOf(labelDict);
    }

    public int count() {
        return target.length;
    }

    public List<String> labelsAt(int k) {
        int c = labels[k];
        return c < 0 ? List.of() : labelDict.get(c);
    }
}
