package dev.scoreline.engine.internal.match;

import java.util.Arrays;

/**
 * A small open-addressing map from a primitive key to hit bits, one per thread in front of the
 * shared cache, so looking up an event's matches allocates nothing.
 */
final class LongHitCache {

    private long[] keys = new long[1024];
    private long[][] values = new long[1024][];
    private int size;

    long[] get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    void put(long key, long[] value) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[][] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2][];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
