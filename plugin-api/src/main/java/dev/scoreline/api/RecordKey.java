package dev.scoreline.api;

import java.util.Objects;

/**
 * The identity of a CRM record: its object type and its id, written {@code type:id}
 * (for example {@code contact:c1}). Types compare as written; the adapters lower-case nothing.
 */
public record RecordKey(String type, String id) implements Comparable<RecordKey> {

    public RecordKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("a record key needs a type and an id: \"" + type + ":" + id + "\"");
        }
    }

    /** Parses {@code type:id}; the id may itself hold colons. */
    public static RecordKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("a record key is written type:id, got \"" + key + "\"");
        }
        return new RecordKey(key.substring(0, colon), key.substring(colon + 1));
    }

    /** The order of {@code type:id} as text, without building the texts (outputs are sorted by it). */
    @Override
    public int compareTo(RecordKey o) {
        if (type.equals(o.type)) {
            return id.compareTo(o.id); // same "type:" prefix
        }
        int n = type.length() + 1 + id.length();
        int m = o.type.length() + 1 + o.id.length();
        for (int k = 0, lim = Math.min(n, m); k < lim; k++) {
            char a = charAt(k);
            char b = o.charAt(k);
            if (a != b) {
                return a - b;
            }
        }
        return n - m;
    }

    private char charAt(int k) {
        return k < type.length() ? type.charAt(k) : k == type.length() ? ':' : id.charAt(k - type.length() - 1);
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
