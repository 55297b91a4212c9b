package dev.scoreline.learn.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each distinct value once, numbered 0, 1, … in the order first met. */
final class Numbering<T> {

    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    /** The value's number, a new one when it is met for the first time. */
    int id(T value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    T get(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }
}
