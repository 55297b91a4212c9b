package dev.scoreline.api;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where CRM data comes from: files, CSV exports, database tables, APIs.
 *
 * <p>Each stream is read once per run, in any order; the engine joins them. An adapter reports
 * unusable data through the {@link DataProblems} it was opened with and leaves it out of its
 * streams. Swapping one adapter for another changes no rule and no score.
 *
 * <p>The engine parses ahead: it may ask for a stream and iterate it on a thread of its own while
 * another thread uses what it gives, so a stream must not depend on the thread that created the
 * adapter (no thread-locals, no connection bound to the opening thread). It reads one stream at a
 * time, each from a single thread, and the problems an adapter reports while a stream is read
 * come out in stream order.
 */
public interface CrmAdapter extends AutoCloseable {

    /** The name a config file uses for this adapter, e.g. {@code jsonl}. */
    String name();

    /** Called once before any stream is read. */
    default void open(DataProblems problems) { }

    Stream<CrmRecord> records();

    /**
     * The records, of which the engine reads only what {@code projection} names: an adapter may
     * leave out (need not parse or convert) the properties it does not project, and must give
     * every record all the same, with its lists. The default gives {@link #records()} whole.
     */
    default Stream<CrmRecord> records(Projection projection) {
        return records();
    }

    default Stream<CrmEvent> events() {
        return Stream.empty();
    }

    /**
     * The events, of which the engine reads only what {@code projection} names: an adapter may
     * leave out the properties it does not project (all of them for an event type no rule reads),
     * and must give every event all the same. The engine does not call it when no rule reads
     * events ({@link Projection#readsEvents()}). The default gives {@link #events()} whole.
     */
    default Stream<CrmEvent> events(Projection projection) {
        return events();
    }

    /**
     * The events of the records {@code owners} accepts only. A run that re-scores what changed
     * asks for the events of a few records; an adapter that can select them cheaply (a
     * {@code WHERE} clause, a line it need not parse whole) overrides this. Events it leaves out
     * need not be checked, so a bad line of another record may go unreported until a full read.
     */
    default Stream<CrmEvent> events(java.util.function.Predicate<RecordKey> owners) {
        return events().filter(e -> owners.test(e.record()));
    }

    /** {@link #events(java.util.function.Predicate)} with a {@link #events(Projection) projection}. */
    default Stream<CrmEvent> events(java.util.function.Predicate<RecordKey> owners, Projection projection) {
        return events(owners);
    }

    default Stream<Association> associations() {
        return Stream.empty();
    }

    /** Memberships kept apart from the records (a lists table); added to {@link CrmRecord#lists()}. */
    default Stream<ListMembership> listMemberships() {
        return Stream.empty();
    }

    /** What changed since a watermark, for adapters whose source can tell. */
    default Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }

    /**
     * How far the adapter has read its source while a run loads it (bytes of its files, for the
     * file adapters), so a progress line can show an ETA; empty when it cannot tell.
     */
    default Optional<ReadProgress> readProgress() {
        return Optional.empty();
    }

    @Override
    default void close() { }
}
