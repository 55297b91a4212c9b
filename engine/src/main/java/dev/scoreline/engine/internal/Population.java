package dev.scoreline.engine.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.Facts.EventShape;
import dev.scoreline.engine.internal.Facts.RecordShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The data of a run, held compactly for a {@link ScoreProgram}: every record reduced to a record
 * shape, every event to (shape, instant), associations as adjacency lists with interned label
 * sets. Only what the rules read is kept: a property no rule mentions costs nothing.
 */
public final class Population {

    final ScoreProgram program;
    final RecordKey[] keys;
    final int[] recordShape;
    final List<RecordShape> recordShapes;
    /** Events of record i: indices evStart[i] until evStart[i+1] of evShape/evAt. */
    final int[] evStart;
    final int[] evShape;
    final long[] evAt;
    final List<EventShape> eventShapes;
    /** Associations of record i: indices asStart[i] until asStart[i+1] of asOther/asLabels. */
    final int[] asStart;
    final int[] asOther;
    final int[] asLabels;
    final List<Set<String>> labelSets;
    final Map<RecordKey, Integer> index;
    final Stats stats;

    /** What loading saw. */
    public record Stats(long records, long events, long associations, long warnings) { }

    private Population(Builder b) {
        this.program = b.program;
        int n = b.keys.size();
        this.keys = b.keys.toArray(new RecordKey[0]);
        this.recordShape = b.recordShape;
        this.recordShapes = b.recordShapes.list;
        this.eventShapes = b.eventShapes.list;
        this.labelSets = b.labelSets.list;
        this.index = b.index;
        // Events grouped by record with a counting sort: two int arrays and a long array in all.
        int m = b.evCount;
        evStart = new int[n + 1];
        for (int i = 0; i < m; i++) {
            evStart[b.evRecord[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            evStart[i + 1] += evStart[i];
        }
        evShape = new int[m];
        evAt = new long[m];
        int[] fill = Arrays.copyOf(evStart, n);
        for (int i = 0; i < m; i++) {
            int pos = fill[b.evRecord[i]]++;
            evShape[pos] = b.evShapeTmp[i];
            evAt[pos] = b.evAtTmp[i];
        }
        // Associations both ways.
        int a = b.pairs.size();
        asStart = new int[n + 1];
        for (long pair : b.pairs.keySet()) {
            asStart[(int) (pair >>> 32) + 1]++;
            asStart[(int) pair + 1]++;
        }
        for (int i = 0; i < n; i++) {
            asStart[i + 1] += asStart[i];
        }
        asOther = new int[2 * a];
        asLabels = new int[2 * a];
        int[] afill = Arrays.copyOf(asStart, n);
        for (Map.Entry<Long, Set<String>> e : b.pairs.entrySet()) {
            int x = (int) (e.getKey() >>> 32);
            int y = (int) (long) e.getKey();
            int labels = b.labelSets.intern(new TreeSet<>(e.getValue()));
            int px = afill[x]++;
            asOther[px] = y;
            asLabels[px] = labels;
            int py = afill[y]++;
            asOther[py] = x;
            asLabels[py] = labels;
        }
        this.stats = new Stats(b.recordsRead, b.eventsRead, b.associationsRead, b.warnings);
    }

    public int size() {
        return keys.length;
    }

    public Stats stats() {
        return stats;
    }

    public RecordKey key(int record) {
        return keys[record];
    }

    public Integer indexOf(RecordKey key) {
        return index.get(key);
    }

    public int eventShapeCount() {
        return eventShapes.size();
    }

    public int recordShapeCount() {
        return recordShapes.size();
    }

    /** Reads everything an adapter has. Problems and warnings go to {@code problems}. */
    public static Population load(ScoreProgram program, CrmAdapter adapter, DataProblems problems) {
        Builder b = new Builder(program, problems);
        try (Stream<CrmRecord> records = adapter.records()) {
            records.forEach(b::addRecord);
        }
        try (Stream<ListMembership> lists = adapter.listMemberships()) {
            lists.forEach(b::addMembership);
        }
        b.shapeRecords();
        try (Stream<Association> assocs = adapter.associations()) {
            assocs.forEach(b::addAssociation);
        }
        try (Stream<CrmEvent> events = adapter.events()) {
            events.forEach(b::addEvent);
        }
        return new Population(b);
    }

    /** Interns values into dense ids. */
    static final class Interner<T> {
        final Map<Object, Integer> ids = new HashMap<>();
        final List<T> list = new ArrayList<>();

        int intern(Object key, java.util.function.Supplier<T> value) {
            Integer id = ids.get(key);
            if (id == null) {
                id = list.size();
                ids.put(key, id);
                list.add(value.get());
            }
            return id;
        }

        @SuppressWarnings("unchecked")
        int intern(T value) {
            return intern(value, () -> value);
        }
    }

    private static final class Builder {
        final ScoreProgram program;
        final DataProblems problems;
        final List<RecordKey> keys = new ArrayList<>();
        final Map<RecordKey, Integer> index = new HashMap<>();
        final List<String> types = new ArrayList<>();
        final List<Object[]> rawValues = new ArrayList<>();
        final List<Set<String>> lists = new ArrayList<>();
        int[] recordShape;
        final Interner<RecordShape> recordShapes = new Interner<>();
        final Interner<EventShape> eventShapes = new Interner<>();
        final Interner<Set<String>> labelSets = new Interner<>();
        final Map<Long, Set<String>> pairs = new LinkedHashMap<>();
        final Map<String, Integer> recordPropertyIndex = new HashMap<>();
        final Map<String, Integer> eventPropertyIndex = new HashMap<>();
        int[] evRecord = new int[1024];
        int[] evShapeTmp = new int[1024];
        long[] evAtTmp = new long[1024];
        int evCount;
        long recordsRead;
        long eventsRead;
        long associationsRead;
        long warnings;

        Builder(ScoreProgram program, DataProblems problems) {
            this.program = program;
            this.problems = problems;
            for (String p : program.recordProperties) {
                recordPropertyIndex.put(p, recordPropertyIndex.size());
            }
            for (String p : program.eventProperties) {
                eventPropertyIndex.put(p, eventPropertyIndex.size());
            }
        }

        void warn(String source, String message) {
            warnings++;
            problems.warning(source, 0, message);
        }

        void addRecord(CrmRecord r) {
            recordsRead++;
            Object[] values = project(r.properties(), recordPropertyIndex, program.numericRecordProperties,
                    "records", r.key());
            Set<String> memberOf = new TreeSet<>();
            for (String list : r.lists()) {
                String folded = DataValue.fold(list);
                if (program.listsRead.contains(folded)) {
                    memberOf.add(folded);
                }
            }
            Integer existing = index.get(r.key());
            if (existing != null) {
                warn("records", "record " + r.key() + " appears more than once; the last one is kept");
                types.set(existing, DataValue.fold(r.key().type()));
                rawValues.set(existing, values);
                lists.set(existing, memberOf);
                return;
            }
            index.put(r.key(), keys.size());
            keys.add(r.key());
            types.add(DataValue.fold(r.key().type()));
            rawValues.add(values);
            lists.add(memberOf);
        }

        /** The raw values of the properties the rules read, by case-insensitive name. */
        Object[] project(Map<String, Object> properties, Map<String, Integer> wanted, Set<String> numeric,
                         String source, RecordKey owner) {
            Object[] values = new Object[wanted.size()];
            if (values.length == 0) {
                return values;
            }
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                String name = DataValue.fold(e.getKey());
                Integer slot = wanted.get(name);
                if (slot != null) {
                    values[slot] = e.getValue();
                    if (numeric.contains(name)) {
                        for (String t : DataValue.texts(e.getValue())) {
                            if (DataValue.parseNumber(t) == null) {
                                warn(source, owner + ": " + e.getKey() + " \"" + t
                                        + "\" does not read as a number, so no numeric comparison holds for it");
                            }
                        }
                    }
                }
            }
            return values;
        }

        void addMembership(ListMembership m) {
            Integer i = index.get(m.record());
            if (i == null) {
                warn("lists", "list \"" + m.list() + "\" names " + m.record() + ", which is not in the data; ignored");
                return;
            }
            String folded = DataValue.fold(m.list());
            if (program.listsRead.contains(folded)) {
                lists.get(i).add(folded);
            }
        }

        void shapeRecords() {
            int n = keys.size();
            recordShape = new int[n];
            for (int i = 0; i < n; i++) {
                Object[] raw = rawValues.get(i);
                String type = types.get(i);
                Set<String> memberOf = lists.get(i);
                List<Object> key = new ArrayList<>(raw.length + 2);
                key.add(type);
                for (Object v : raw) {
                    key.add(DataValue.key(v));
                }
                key.add(memberOf);
                recordShape[i] = recordShapes.intern(key, () -> new RecordShape(type,
                        values(raw, program.recordProperties), Set.copyOf(memberOf)));
            }
            rawValues.clear();
        }

        static Map<String, DataValue> values(Object[] raw, List<String> names) {
            Map<String, DataValue> out = new HashMap<>();
            for (int i = 0; i < raw.length; i++) {
                DataValue v = DataValue.of(raw[i]);
                if (!v.isUnknown()) {
                    out.put(names.get(i), v);
                }
            }
            return out;
        }

        void addAssociation(Association a) {
            associationsRead++;
            Integer x = index.get(a.from());
            Integer y = index.get(a.to());
            if (x == null || y == null) {
                warn("associations", "association " + a.from() + " -> " + a.to() + " names "
                        + (x == null ? a.from() : a.to()) + ", which is not in the data; ignored");
                return;
            }
            if (x.equals(y)) {
                return; // an association of a record with itself means nothing
            }
            int lo = Math.min(x, y);
            int hi = Math.max(x, y);
            Set<String> labels = pairs.computeIfAbsent(((long) lo << 32) | hi, k -> new TreeSet<>());
            for (String l : a.labels()) {
                labels.add(DataValue.fold(l));
            }
        }

        void addEvent(CrmEvent e) {
            eventsRead++;
            Integer owner = index.get(e.record());
            if (owner == null) {
                warn("events", e.type() + " event of " + e.record() + ", which is not in the data; ignored");
                return;
            }
            Object[] raw = project(e.properties(), eventPropertyIndex, program.numericEventProperties, "events",
                    e.record());
            String type = DataValue.fold(e.type());
            Set<String> ownerLists = program.eventsReadLists ? lists.get(owner) : Set.of();
            List<Object> key = new ArrayList<>(raw.length + 2);
            key.add(type);
            for (Object v : raw) {
                key.add(DataValue.key(v));
            }
            key.add(ownerLists);
            int shape = eventShapes.intern(key, () -> new EventShape(type, values(raw, program.eventProperties),
                    Set.copyOf(ownerLists)));
            if (evCount == evRecord.length) {
                int cap = evCount * 2;
                evRecord = Arrays.copyOf(evRecord, cap);
                evShapeTmp = Arrays.copyOf(evShapeTmp, cap);
                evAtTmp = Arrays.copyOf(evAtTmp, cap);
            }
            evRecord[evCount] = owner;
            evShapeTmp[evCount] = shape;
            evAtTmp[evCount] = e.at().toEpochMilli();
            evCount++;
        }
    }
}
