package dev.scoreline.learn.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An adapter's data read once and held in memory, served again as an adapter: backtest and
 * suggest load the data for several definitions (the outcome's, the candidates', the suggestion's)
 * and draw candidates from it, and parsing the source each time cost more than all the scoring
 * (the medium data's 3.2M events were parsed four times). Events are held as columns (owner, type,
 * instant, properties), each key, type name and property map once however many events share it.
 */
public final class HeldData implements CrmAdapter {

    private final String name;
    private final List<CrmRecord> records = new ArrayList<>();
    private final List<ListMembership> memberships = new ArrayList<>();
    private final List<Association> associations = new ArrayList<>();
    private final Numbering<RecordKey> owners = new Numbering<>();
    private final Numbering<String> types = new Numbering<>();
    private final Numbering<Map<String, Object>> properties = new Numbering<>();
    private int[] owner = new int[1024];
    private int[] type = new int[1024];
    private int[] props = new int[1024];
    private long[] seconds = new long[1024];
    private int[] nanos = new int[1024];
    private int events;

    private HeldData(String name) {
        this.name = name;
    }

    /** Reads every stream of {@code adapter} once (opening it with {@code problems}) and closes it. */
    public static HeldData read(CrmAdapter adapter, DataProblems problems) {
        try (adapter) {
            HeldData d = new HeldData(adapter.name());
            adapter.open(problems);
            try (Stream<CrmRecord> s = adapter.records()) {
                s.forEach(d.records::add);
            }
            try (Stream<ListMembership> s = adapter.listMemberships()) {
                s.forEach(d.memberships::add);
            }
            try (Stream<Association> s = adapter.associations()) {
                s.forEach(d.associations::add);
            }
            try (Stream<CrmEvent> s = adapter.events()) {
                s.forEach(d::add);
            }
            return d;
        }
    }

    private void add(CrmEvent e) {
        if (events == owner.length) {
            int n = events * 2;
            owner = Arrays.copyOf(owner, n);
            type = Arrays.copyOf(type, n);
            props = Arrays.copyOf(props, n);
            seconds = Arrays.copyOf(seconds, n);
            nanos = Arrays.copyOf(nanos, n);
        }
        owner[events] = owners.id(e.record());
        type[events] = types.id(e.type());
        props[events] = properties.id(e.properties());
        seconds[events] = e.at().getEpochSecond();
        nanos[events++] = e.at().getNano();
    }

    /**
     * The records of one type and their events of the given types only (names as the language
     * compares them: ignoring case and surrounding spaces), without associations: what a definition
     * on that type whose rules read only those events and no neighbour can see — the outcome's, whose
     * load would otherwise shape every event of the data to keep a few.
     */
    public CrmAdapter only(String recordType, Set<String> eventTypes) {
        String type = fold(recordType);
        Set<String> events = eventTypes.stream().map(HeldData::fold).collect(java.util.stream.Collectors.toSet());
        boolean[] keep = new boolean[types.size()];
        for (int t = 0; t < keep.length; t++) {
            keep[t] = events.contains(fold(types.get(t)));
        }
        boolean[] ofType = new boolean[owners.size()];
        for (int o = 0; o < ofType.length; o++) {
            ofType[o] = fold(owners.get(o).type()).equals(type);
        }
        HeldData all = this;
        return new CrmAdapter() {
            @Override
            public String name() {
                return all.name;
            }

            @Override
            public Stream<CrmRecord> records() {
                return all.records.stream().filter(r -> fold(r.key().type()).equals(type));
            }

            @Override
            public Stream<ListMembership> listMemberships() {
                return all.memberships.stream();
            }

            @Override
            public Stream<CrmEvent> events() {
                return IntStream.range(0, all.events).filter(i -> keep[all.type[i]] && ofType[all.owner[i]]).mapToObj(all::event);
            }
        };
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Stream<CrmRecord> records() {
        return records.stream();
    }

    @Override
    public Stream<ListMembership> listMemberships() {
        return memberships.stream();
    }

    @Override
    public Stream<Association> associations() {
        return associations.stream();
    }

    @Override
    public Stream<CrmEvent> events() {
        return IntStream.range(0, events).mapToObj(this::event);
    }

    private CrmEvent event(int i) {
        return new CrmEvent(owners.get(owner[i]), types.get(type[i]), Instant.ofEpochSecond(seconds[i], nanos[i]),
                properties.get(props[i]));
    }
}
