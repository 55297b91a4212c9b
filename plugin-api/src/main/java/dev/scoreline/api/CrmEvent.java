package dev.scoreline.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Something that happened to a record at an instant: an email open, a form submission, a ticket. */
public record CrmEvent(RecordKey record, String type, Instant at, Map<String, Object> properties) {

    public CrmEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        properties = properties == null ? Map.of() : properties;
    }
}
