package dev.scoreline.flink.internal;

import dev.scoreline.api.CrmAdapter;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one of an adapter's streams (records, list memberships, events, associations) into
 * bundles keyed by record; the job reads the four at once, one task each. What the adapter finds
 * wrong with a line it reports here (to the task's log) and leaves out, as in a one-JVM run.
 */
public final class StreamReader implements FlatMapFunction<String, Bundle> {

    private static final long serialVersionUID = 1L;

    public static final String RECORDS = "records";
    public static final String LISTS = "lists";
    public static final String EVENTS = "events";
    public static final String ASSOCIATIONS = "associations";

    /** Opens the adapter in the task (it is not serializable). */
    private final SerializableSupplier<CrmAdapter> adapter;

    public StreamReader(SerializableSupplier<CrmAdapter> adapter) {
        this.adapter = adapter;
    }

    /** A supplier Flink can ship to a task. */
    public interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable { }

    @Override
    public void flatMap(String stream, Collector<Bundle> out) {
        try (CrmAdapter a = adapter.get()) {
            a.open(new Stages.Logged());
            switch (stream) {
                case RECORDS -> {
                    long[] at = {0};
                    each(a::records, r -> out.collect(Bundle.ofRecord(r, at[0]++)));
                }
                case LISTS -> each(a::listMemberships, m -> out.collect(Bundle.ofList(m.record(), m.list())));
                case EVENTS -> each(a::events, e -> out.collect(Bundle.ofEvent(e)));
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

    private static <T> void each(Supplier<Stream<T>> stream, java.util.function.Consumer<T> action) {
        try (Stream<T> s = stream.get()) {
            s.forEach(action);
        }
    }
}
