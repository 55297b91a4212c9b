package dev.scoreline.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a set of compiled scores reads from the data: per record type the properties its rules
 * name, per event type the event properties, and whether any rule reads events at all. The
 * engine derives it from the rule base and hands it to {@link CrmAdapter#records(Projection)} and
 * {@link CrmAdapter#events(Projection)}, so an adapter may leave out what no score reads: a
 * property that is not projected need not be parsed, converted or given.
 *
 * <p>Names are compared as the language compares them: trimmed and lower-cased
 * ({@link #fold}), so {@code readsRecordProperty("Contact", " JobTitle")} holds when a rule on
 * {@code contact} reads {@code jobtitle}. A record of a type with no read property is still a
 * record (its key, its lists); an event of a type no rule reads is still an event (counted, its
 * owner checked), just without properties. Giving more than the projection is always allowed:
 * the engine keeps only what it reads.
 */
public final class Projection {

    private static final Projection EVERYTHING = new Projection(true, Map.of(), Map.of());

    private final boolean everything;
    /** Folded record type to the folded names of its read properties. */
    private final Map<String, Set<String>> recordProperties;
    /** Folded event type (every type a rule reads) to the folded names of its read properties. */
    private final Map<String, Set<String>> eventProperties;

    private Projection(boolean everything, Map<String, Set<String>> recordProperties,
                       Map<String, Set<String>> eventProperties) {
        this.everything = everything;
        this.recordProperties = recordProperties;
        this.eventProperties = eventProperties;
    }

    /** Every property of every record and event: what the methods without a projection give. */
    public static Projection everything() {
        return EVERYTHING;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the language compares names of types and properties: trimmed, lower-cased. */
    public static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether this is {@link #everything()}: nothing may be left out. */
    public boolean isEverything() {
        return everything;
    }

    /** Whether any rule reads events; when none does, the engine does not ask for them at all. */
    public boolean readsEvents() {
        return everything || !eventProperties.isEmpty();
    }

    /** The (folded) record types with a property some rule reads; empty for {@link #everything()}. */
    public Set<String> recordTypes() {
        return recordProperties.keySet();
    }

    /** The folded names of the properties read on records of {@code type}; empty for {@link #everything()}. */
    public Set<String> recordProperties(String type) {
        return recordProperties.getOrDefault(fold(type), Set.of());
    }

    public boolean readsRecordProperty(String type, String property) {
        return everything || recordProperties(type).contains(fold(property));
    }

    /** The (folded) event types some rule reads; empty for {@link #everything()}. */
    public Set<String> eventTypes() {
        return eventProperties.keySet();
    }

    public boolean readsEventType(String type) {
        return everything || eventProperties.containsKey(fold(type));
    }

    /** The folded names of the properties read on events of {@code type}; empty for {@link #everything()}. */
    public Set<String> eventProperties(String type) {
        return eventProperties.getOrDefault(fold(type), Set.of());
    }

    public boolean readsEventProperty(String type, String property) {
        return everything || eventProperties(type).contains(fold(property));
    }

    /** The record with only the projected properties (the same record for {@link #everything()}). */
    public CrmRecord apply(CrmRecord record) {
        if (everything) {
            return record;
        }
        Set<String> read = recordProperties(record.key().type());
        return new CrmRecord(record.key(), only(record.properties(), read), record.lists());
    }

    /** The event with only the projected properties (the same event for {@link #everything()}). */
    public CrmEvent apply(CrmEvent event) {
        if (everything) {
            return event;
        }
        Set<String> read = eventProperties(event.type());
        return new CrmEvent(event.record(), event.type(), event.at(), only(event.properties(), read));
    }

    private static Map<String, Object> only(Map<String, Object> properties, Set<String> read) {
        if (properties.isEmpty()) {
            return properties;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (read.contains(fold(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out.size() == properties.size() ? properties : Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Projection p && everything == p.everything && recordProperties.equals(p.recordProperties)
                && eventProperties.equals(p.eventProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(everything, recordProperties, eventProperties);
    }

    @Override
    public String toString() {
        return everything ? "Projection[everything]"
                : "Projection[records " + recordProperties + ", events " + eventProperties + "]";
    }

    /** Collects what rules read; every name is folded as it is added. */
    public static final class Builder {
        private final Map<String, Set<String>> records = new TreeMap<>();
        private final Map<String, Set<String>> events = new TreeMap<>();

        private Builder() { }

        public Builder recordProperty(String type, String property) {
            records.computeIfAbsent(fold(type), t -> new TreeSet<>()).add(fold(property));
            return this;
        }

        /** Events of {@code type} are read (counted, matched), whether or not a property of them is. */
        public Builder eventType(String type) {
            events.computeIfAbsent(fold(type), t -> new TreeSet<>());
            return this;
        }

        public Builder eventProperty(String type, String property) {
            events.computeIfAbsent(fold(type), t -> new TreeSet<>()).add(fold(property));
            return this;
        }

        public Projection build() {
            return new Projection(false, frozen(records), frozen(events));
        }

        private static Map<String, Set<String>> frozen(Map<String, Set<String>> byType) {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            byType.forEach((type, names) -> out.put(type, Collections.unmodifiableSet(new TreeSet<>(names))));
            return Collections.unmodifiableMap(out);
        }
    }
}
