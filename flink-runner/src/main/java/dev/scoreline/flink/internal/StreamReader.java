package dev.scoreline.flink.internal;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.Projection;
import dev.scoreline.engine.CompiledScores;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one of an adapter's streams (records, list memberships, events, associations) into
 * bundles keyed by record; the job reads the four at once, one task each. What the adapter finds
 * wrong with a line it reports here (to the task's log) and leaves out, as in a one-JVM run.
 *
 * <p>It reads what the scores read, as a one-JVM load does ({@link CompiledScores#projection()}):
 * only the properties rules name, and no events at all when no rule reads one. Consecutive events
 * of one record (an export usually groups them) go out as one bundle, so the shuffle to the first
 * keyed stage carries a bundle per run of events instead of one per event.
 */
public final class StreamReader implements FlatMapFunction<String, Bundle> {

    private static final long serialVersionUID = 1L;

    public static final String RECORDS = "records";
    public static final String LISTS = "lists";
    public static final String EVENTS = "events";
    public static final String ASSOCIATIONS = "associations";

    /** Events of one record sent in one bundle at most: bounds a bundle's size when a record has very many. */
    static final int EVENTS_PER_BUNDLE = 1024;

    /** Opens the adapter in the task (it is not serializable). */
    private final SerializableSupplier<CrmAdapter> adapter;
    private final Stages.Rules rules;

    public StreamReader(SerializableSupplier<CrmAdapter> adapter, Stages.Rules rules) {
        this.adapter = adapter;
        this.rules = rules;
    }

    /** A supplier Flink can ship to a task. */
    public interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable { }

    /**
     * The reading task of a stream: the events (by far the largest) one task of their own, the
     * other three the others in turn (all one task at parallelism 1).
     */
    public static int task(String stream, int tasks) {
        if (tasks == 1) {
            return 0;
        }
        return switch (stream) {
            case EVENTS -> 0;
            case RECORDS -> 1;
            case ASSOCIATIONS -> 1 + 1 % (tasks - 1);
            default -> 1 + 2 % (tasks - 1);
        };
    }

    @Override
    public void flatMap(String stream, Collector<Bundle> out) {
        Projection projection = rules.get().projection();
        try (CrmAdapter a = adapter.get()) {
            a.open(new Stages.Logged());
            switch (stream) {
                case RECORDS -> {
                    long[] at = {0};
                    each(() -> a.records(projection), r -> out.collect(Bundle.ofRecord(r, at[0]++)));
                }
                case LISTS -> each(a::listMemberships, m -> out.collect(Bundle.ofList(m.record(), m.list())));
                case EVENTS -> {
                    if (projection.readsEvents()) {
                        events(() -> a.events(projection), out);
                    }
                }
                case ASSOCIATIONS -> each(a::associations, x -> {
                    out.collect(Bundle.ofAssociation(x, x.from()));
                    if (!x.to().equals(x.from())) {
                        out.collect(Bundle.ofAssociation(x, x.to()));
                    }
                });
                default -> throw new IllegalArgumentException("no stream " + stream);
            }
        }
    }

    /** The events, each run of one record's consecutive events (up to {@link #EVENTS_PER_BUNDLE}) as one bundle. */
    static void events(Supplier<Stream<CrmEvent>> stream, Collector<Bundle> out) {
        Bundle[] run = {null};
        each(stream, e -> {
            Bundle b = run[0];
            if (b != null && b.key.equals(e.record()) && b.events.size() < EVENTS_PER_BUNDLE) {
                b.events.add(e);
                return;
            }
            if (b != null) {
                out.collect(b);
            }
            run[0] = Bundle.ofEvent(e);
        });
        if (run[0] != null) {
            out.collect(run[0]);
        }
    }

    private static <T> void each(Supplier<Stream<T>> stream, java.util.function.Consumer<T> action) {
        try (Stream<T> s = stream.get()) {
            s.forEach(action);
        }
    }
}
