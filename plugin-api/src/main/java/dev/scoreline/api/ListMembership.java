package dev.scoreline.api;

import java.util.Objects;

/** A record's membership in a named list (a segment). */
public record ListMembership(String list, RecordKey record) {

    public ListMembership {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(record, "record");
    }
}
