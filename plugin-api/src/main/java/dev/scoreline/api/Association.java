package dev.scoreline.api;

import java.util.Objects;
import java.util.Set;

/** An association between two records. It joins them both ways; labels are optional. */
public record Association(RecordKey from, RecordKey to, Set<String> labels) {

    public Association {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}
