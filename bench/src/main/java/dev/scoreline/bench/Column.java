package dev.scoreline.bench;

import java.util.List;

/**
 * One property of one record table, dictionary-encoded: {@code codes[i]} indexes {@link #dict}, or is
 * -1 when record i does not have the property at all. Dictionary values are what the JSON held:
 * {@link String}, {@link Number}, {@link Boolean}, {@code null} or a {@link List} of those.
 */
public final class Column {
    public final int[] codes;
    public final List<Object> dict;

    public Column(int[] codes, List<Object> dict) {
        this.codes = codes;
        this.dict = List.copyOf(nullSafe(dict));
    }

    private static List<Object> nullSafe(List<Object> dict) {
        // List.copyOf refuses nulls: a JSON null is kept as the NULL marker below.
        return dict.stream().map(v -> v == null ? NULL : v).toList();
    }

    /** Stands for a JSON {@code null} in a dictionary. */
    public static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    /** The value of record i, or {@code null} when missing or JSON null. */
    public Object value(int i) {
        int c = codes[i];
        if (c < 0) return null;
        Object v = dict.get(c);
        return v == NULL ? null : v;
    }

    public Object dictValue(int code) {
        Object v = dict.get(code);
        return v == NULL ? null : v;
    }
}
