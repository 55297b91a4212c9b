package dev.scoreline.api;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The values of a score's groups by name, in the score's order, immutable: what
 * {@link ScoreResult#groups()} holds. Two arrays rather than a linked hash map, since the engine
 * makes one per record per score and a score has a few groups; a lookup by name is a scan.
 */
public final class GroupValues extends AbstractMap<String, BigDecimal> {

    private final List<String> names;
    private final BigDecimal[] values;

    private GroupValues(List<String> names, BigDecimal[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * The groups {@code names} with their {@code values}, in that order. The names are shared when
     * they are already an unmodifiable list (one per score), the values copied.
     */
    public static GroupValues of(List<String> names, BigDecimal... values) {
        List<String> n = List.copyOf(names);
        if (n.size() != values.length) {
            throw new IllegalArgumentException(n.size() + " group names for " + values.length + " values");
        }
        for (int i = 0; i < n.size(); i++) {
            if (n.lastIndexOf(n.get(i)) != i) { // a scan: a score has a few groups
                throw new IllegalArgumentException("group name repeats: " + n.get(i));
            }
        }
        return new GroupValues(n, values.clone());
    }

    /** The entries of a map, in its iteration order; the map itself when it is one already. */
    public static GroupValues copyOf(Map<String, BigDecimal> groups) {
        if (groups instanceof GroupValues g) {
            return g;
        }
        String[] n = new String[groups.size()];
        BigDecimal[] v = new BigDecimal[n.length];
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : groups.entrySet()) {
            n[i] = Objects.requireNonNull(e.getKey(), "group name");
            v[i++] = e.getValue();
        }
        return new GroupValues(List.of(n), v); // a map's keys do not repeat
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.indexOf(key) >= 0;
    }

    @Override
    public BigDecimal get(Object key) {
        int i = names.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, BigDecimal>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, BigDecimal> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names.get(i), values[i]);
                    }
                };
            }
        };
    }
}
