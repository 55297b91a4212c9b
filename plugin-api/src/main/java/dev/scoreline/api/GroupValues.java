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
     * The groups {@code names} with their {@code values}, in that order. The names are checked
     * and copied here; a caller making many maps with the same names makes {@link Names} once.
     */
    public static GroupValues of(List<String> names, BigDecimal... values) {
        return of(new Names(names), values);
    }

    /** The groups with their {@code values}, in order; the names shared, the values copied. */
    public static GroupValues of(Names names, BigDecimal... values) {
        if (names.list.size() != values.length) {
            throw new IllegalArgumentException(names.list.size() + " group names for " + values.length + " values");
        }
        return new GroupValues(names.list, values.clone());
    }

    /** A score's group names, checked once (none repeats) and shared by every map made with them. */
    public static final class Names {
        private final List<String> list;

        public Names(List<String> names) {
            List<String> n = List.copyOf(names);
            for (int i = 0; i < n.size(); i++) {
                if (n.lastIndexOf(n.get(i)) != i) {
                    throw new IllegalArgumentException("group name repeats: " + n.get(i));
                }
            }
            this.list = n;
        }

        public List<String> list() {
            return list;
        }
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
