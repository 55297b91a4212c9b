package dev.scoreline.engine.internal.data;

import java.util.Arrays;

/** Distinct ints in the order first added, without boxing (a chunk being matched has thousands of shapes). */
public final class IntSet extends OpenIndex {

    private int[] values = new int[64];

    /** Adds a value; false when it is there already. */
    public boolean add(int v) {
        for (int s = first(mix(v)); ; s = after(s)) {
            int i = entryAt(s);
            if (i < 0) {
                break;
            }
            if (values[i] == v) {
                return false;
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        reserve();
        values[size] = v;
        commit();
        return true;
    }

    public int get(int i) {
        return values[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    protected int hashAt(int i) {
        return mix(values[i]);
    }
}
