package dev.scoreline.testkit;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ListMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads an adapter the way the engine does, for adapter tests. Plain Java: use it from any test
 * framework.
 *
 * <pre>{@code
 * AdapterContents read = AdapterTestKit.read(new CsvAdapter(dir));
 * assertThat(read.records()).hasSize(3);
 * assertThat(read.problems().badLineLocations()).containsExactly("contact.csv:4");
 * }</pre>
 */
public final class AdapterTestKit {

    private AdapterTestKit() { }

    /** Opens the adapter with a recorder, reads every stream once (closing each), and closes the adapter. */
    public static AdapterContents read(CrmAdapter adapter) {
        RecordedProblems problems = new RecordedProblems();
        try (adapter) {
            adapter.open(problems);
            List<CrmRecord> records = drain("records", adapter::records);
            List<CrmEvent> events = drain("events", adapter::events);
            List<Association> associations = drain("associations", adapter::associations);
            List<ListMembership> memberships = drain("listMemberships", adapter::listMemberships);
            return new AdapterContents(records, events, associations, memberships, problems);
        }
    }

    /**
     * Opens the adapter with {@code problems} and returns its change feed, for feed tests: read a
     * watermark, append to the source, and check what {@code changesSince} reports.
     *
     * @throws AssertionError when the adapter has no change feed
     */
    public static dev.scoreline.api.ChangeFeed openFeed(CrmAdapter adapter, dev.scoreline.api.DataProblems problems) {
        adapter.open(problems);
        return adapter.changeFeed().orElseThrow(() ->
                new AssertionError(adapter.getClass().getName() + " has no change feed"));
    }

    /**
     * Checks what every adapter must do: a non-blank name, streams that can be read again with the
     * same result (the engine may read twice, e.g. for a preview and a run), streams that are
     * closed by their callers without error, the same facts when each stream is asked for and read
     * on another thread (the engine parses ahead on a second core), {@code events(owners)} giving
     * exactly the owners' events, and a change feed (if any) whose current watermark is where reading all changes
     * ends, with nothing after it.
     *
     * @throws AssertionError naming the first rule the adapter breaks
     */
    public static AdapterContents checkContract(Supplier<? extends CrmAdapter> adapters) {
        CrmAdapter first = adapters.get();
        if (first.name() == null || first.name().isBlank()) {
            throw new AssertionError(first.getClass().getName() + ".name() is blank");
        }
        AdapterContents once = read(first);
        CrmAdapter again = adapters.get();
        RecordedProblems problems = new RecordedProblems();
        try (again) {
            again.open(problems);
            // Read twice through the same instance, the second time only partly, closing early.
            drain("records", again::records);
            try (Stream<CrmRecord> partial = again.records()) {
                partial.limit(1).forEach(Objects::requireNonNull);
            }
            AdapterContents twice = new AdapterContents(drain("records", again::records),
                    drain("events", again::events), drain("associations", again::associations),
                    drain("listMemberships", again::listMemberships), problems);
            if (!once.snapshot().equals(twice.snapshot())) {
                throw new AssertionError(first.getClass().getName() + " gives different facts when read again");
            }
            // The engine reads ahead: it opens and iterates each stream on a second thread.
            AdapterContents elsewhere = new AdapterContents(onAnotherThread("records", again::records),
                    onAnotherThread("events", again::events), onAnotherThread("associations", again::associations),
                    onAnotherThread("listMemberships", again::listMemberships), problems);
            if (!once.snapshot().equals(elsewhere.snapshot())) {
                throw new AssertionError(first.getClass().getName()
                        + " gives different facts when its streams are read on another thread");
            }
            // events(owners) must give exactly the owners' events, in the order events() does.
            java.util.Set<dev.scoreline.api.RecordKey> owners = new java.util.HashSet<>();
            int i = 0;
            for (CrmEvent e : once.events()) {
                if (i++ % 2 == 0) {
                    owners.add(e.record());
                }
            }
            List<CrmEvent> expected = once.events().stream().filter(e -> owners.contains(e.record())).toList();
            List<CrmEvent> selected = drain("events(owners)", () -> again.events(owners::contains));
            if (!expected.equals(selected)) {
                throw new AssertionError(first.getClass().getName() + ".events(owners) gives " + selected.size()
                        + " events where events() filtered by the same owners gives " + expected.size());
            }
            again.changeFeed().ifPresent(feed -> {
                String now = feed.currentWatermark();
                String fromStart = feed.changesSince(null).nextWatermark();
                if (!Objects.equals(now, fromStart)) {
                    throw new AssertionError(first.getClass().getName() + ": currentWatermark() is \"" + now
                            + "\" but changesSince(null) ends at \"" + fromStart + "\"");
                }
                if (!feed.changesSince(now).changes().isEmpty()) {
                    throw new AssertionError(first.getClass().getName() + ": changesSince(currentWatermark()) is not "
                            + "empty on data that did not change");
                }
            });
        }
        return once;
    }

    private static <T> List<T> onAnotherThread(String what, Supplier<Stream<T>> streams) {
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                result.set(drain(what, streams));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "adapter-testkit-reader");
        reader.start();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading " + what, e);
        }
        if (result.get() instanceof Throwable t) {
            throw new AssertionError(what + "() failed when read on another thread: " + t, t);
        }
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) result.get();
        return items;
    }

    private static <T> List<T> drain(String what, Supplier<Stream<T>> streams) {
        List<T> out = new ArrayList<>();
        Stream<T> stream = streams.get();
        if (stream == null) {
            throw new AssertionError(what + "() returned null; return Stream.empty() for none");
        }
        try (Stream<T> s = stream) {
            s.forEach(item -> out.add(Objects.requireNonNull(item, () -> what + "() gave a null item")));
        }
        return out;
    }
}
