package dev.scoreline.engine.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
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
public final class Population implements DataView {

    private final ShapeTable shapes;
    private final RecordKey[] keys;
    private final int[] recordShape;
    /** Events of record i: indices evStart[i] until evStart[i+1] of evShape/evAt. */
    private final int[] evStart;
    private final int[] evShape;
    private final long[] evAt;
    /** Associations of record i: indices asStart[i] until asStart[i+1] of asOther/asLabels. */
    private final int[] asStart;
    private final int[] asOther;
    private final int[] asLabels;
    private final Map<RecordKey, Integer> index;
    private final Stats stats;
    /** The records to score; null when every record is (a full load). */
    private final java.util.BitSet selected;
    /** For a partial load: the changed records each re-scored neighbour is re-scored for. */
    private final Map<RecordKey, List<RecordKey>> becauseOf;
    /** A partial load's records to score by key, also those not in the data (removed); null for a full load. */
    private final Set<RecordKey> selection;

    /** What loading saw. */
    public record Stats(long records, long events, long associations, long warnings) { }

    private Population(Builder b) {
        this.shapes = b.shapes;
        int n = b.keys.size();
        this.keys = b.keys.toArray(new RecordKey[0]);
        this.recordShape = b.recordShape;
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
            int labels = shapes.internLabels(e.getValue());
            int px = afill[x]++;
            asOther[px] = y;
            asLabels[px] = labels;
            int py = afill[y]++;
            asOther[py] = x;
            asLabels[py] = labels;
        }
        this.stats = new Stats(b.recordsRead, b.eventsRead, b.associationsRead, b.warnings.count);
        // Each record shape's projections onto the groups of rules, once, with the data.
        for (int shape = 0; shape < shapes.recordShapeCount(); shape++) {
            shapes.projections(shape);
        }
        this.selection = b.rescore == null ? null : Set.copyOf(b.rescore);
        this.becauseOf = b.becauseOf;
        if (b.rescore == null) {
            this.selected = null;
        } else {
            this.selected = new java.util.BitSet(n);
            for (RecordKey k : b.rescore) {
                Integer i = index.get(k);
                if (i != null) {
                    selected.set(i);
                }
            }
        }
    }

    /** How many records a run scores: all of them, or the selection of a partial load. */
    public int selectedCount() {
        return selected == null ? keys.length : selected.cardinality();
    }

    /** A partial load's records to score (also keys no longer in the data); null for a full load. */
    public Set<RecordKey> selection() {
        return selection;
    }

    /** The changed records associated with {@code key} that made a partial load re-score it (empty: none). */
    public List<RecordKey> rescoredBecauseOf(RecordKey key) {
        return becauseOf.getOrDefault(key, List.of());
    }

    public int size() {
        return keys.length;
    }

    public Stats stats() {
        return stats;
    }

    public int recordShapeCount() {
        return shapes.recordShapeCount();
    }

    public int eventShapeCount() {
        return shapes.eventShapeCount();
    }

    private volatile Map<String, int[]> byType;

    /**
     * The records to score, per folded type, each sorted by record key: the output order, computed
     * once.
     */
    Map<String, int[]> recordsByType() {
        Map<String, int[]> result = byType;
        if (result != null) {
            return result;
        }
        String[] sortKeys = new String[keys.length];
        for (int i = 0; i < sortKeys.length; i++) {
            sortKeys[i] = keys[i].toString();
        }
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (selected != null && !selected.get(i)) {
                continue; // loaded only because a selected record reads it through an association
            }
            lists.computeIfAbsent(shapes.recordShape(recordShape[i]).type(), k -> new ArrayList<>()).add(i);
        }
        result = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
            Integer[] boxed = e.getValue().toArray(new Integer[0]);
            Arrays.sort(boxed, (a, b) -> sortKeys[a].compareTo(sortKeys[b]));
            result.put(e.getKey(), Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
        byType = result;
        return result;
    }

    public Integer indexOf(RecordKey key) {
        return index.get(key);
    }

    @Override public ShapeTable shapes() { return shapes; }
    @Override public RecordKey key(int rec) { return keys[rec]; }
    @Override public int recordShape(int rec) { return recordShape[rec]; }
    @Override public int eventCount(int rec) { return evStart[rec + 1] - evStart[rec]; }
    @Override public int eventShape(int rec, int i) { return evShape[evStart[rec] + i]; }
    @Override public long eventAt(int rec, int i) { return evAt[evStart[rec] + i]; }
    @Override public int assocCount(int rec) { return asStart[rec + 1] - asStart[rec]; }
    @Override public int assocOther(int rec, int i) { return asOther[asStart[rec] + i]; }
    @Override public int assocLabels(int rec, int i) { return asLabels[asStart[rec] + i]; }

    /** Reads everything an adapter has. Problems and warnings go to {@code problems}. */
    public static Population load(ScoreProgram program, CrmAdapter adapter, DataProblems problems) {
        Builder b = new Builder(new ShapeTable(program), problems);
        return b.read(adapter, () -> {
            try (Stream<Association> assocs = adapter.associations()) {
                assocs.forEach(b::addAssociation);
            }
        }, adapter::events);
    }

    /**
     * Reads only what re-scoring some records needs. The records to score are the {@code changed}
     * ones, the records associated with a changed one whose type has a score reading associations
     * (its aggregates moved), and the {@code due} ones (their own instant covers their neighbours').
     * Kept besides: the records those read through associations. Everything else is streamed past
     * and dropped, so memory and scoring follow the selection, not the data. References to records
     * outside what is kept are not checked (a full load reports them).
     */
    public static Population load(ScoreProgram program, CrmAdapter adapter, DataProblems problems,
                                  Set<RecordKey> changed, Set<RecordKey> due) {
        Set<String> reading = program.typesReadingAssociations;
        // Associations first: they decide which neighbours are re-scored and which are read.
        List<Association> relevant = new ArrayList<>();
        long associationsRead = 0;
        try (Stream<Association> assocs = adapter.associations()) {
            for (Association a : (Iterable<Association>) assocs::iterator) {
                associationsRead++;
                if (reads(reading, a.from()) || reads(reading, a.to())) {
                    relevant.add(a);
                }
            }
        }
        Set<RecordKey> rescore = new java.util.HashSet<>(changed);
        rescore.addAll(due);
        Map<RecordKey, List<RecordKey>> becauseOf = new HashMap<>();
        for (Association a : relevant) {
            if (changed.contains(a.from()) && reads(reading, a.to())) {
                rescore.add(a.to());
                becauseOf.computeIfAbsent(a.to(), k -> new ArrayList<>()).add(a.from());
            }
            if (changed.contains(a.to()) && reads(reading, a.from())) {
                rescore.add(a.from());
                becauseOf.computeIfAbsent(a.from(), k -> new ArrayList<>()).add(a.to());
            }
        }
        Set<RecordKey> keep = new java.util.HashSet<>(rescore);
        for (Association a : relevant) {
            if (rescore.contains(a.from()) && reads(reading, a.from())) {
                keep.add(a.to());
            }
            if (rescore.contains(a.to()) && reads(reading, a.to())) {
                keep.add(a.from());
            }
        }
        Builder b = new Builder(new ShapeTable(program), problems);
        b.keep = keep;
        b.rescore = rescore;
        b.becauseOf = becauseOf;
        long read = associationsRead;
        return b.read(adapter, () -> {
            for (Association a : relevant) {
                if (keep.contains(a.from()) && keep.contains(a.to())) {
                    b.addAssociation(a);
                }
            }
            b.associationsRead = read;
        }, () -> adapter.events(keep::contains));
    }

    private static boolean reads(Set<String> typesReading, RecordKey key) {
        return typesReading.contains(DataValue.fold(key.type()));
    }

    /** The warnings of section 12 of the language, in one place for bulk loads and live changes. */
    static final class Warnings {
        private final DataProblems problems;
        long count;

        Warnings(DataProblems problems) {
            this.problems = problems;
        }

        void warn(String source, String message) {
            count++;
            problems.warning(source, 0, message);
        }

        ShapeTable.NumberWarnings numbers(String source, RecordKey owner) {
            return (property, text) -> warn(source, owner + ": " + property + " \"" + text
                    + "\" does not read as a number, so no numeric comparison holds for it");
        }

        void duplicate(RecordKey key) {
            warn("records", "record " + key + " appears more than once; the last one is kept");
        }

        void dangling(String source, String what, RecordKey missing) {
            warn(source, what + " names " + missing + ", which is not in the data; ignored");
        }
    }

    private static final class Builder {
        final ShapeTable shapes;
        final Warnings warnings;
        final List<RecordKey> keys = new ArrayList<>();
        final Map<RecordKey, Integer> index = new HashMap<>();
        final List<String> types = new ArrayList<>();
        final List<Object[]> rawValues = new ArrayList<>();
        final List<Set<String>> lists = new ArrayList<>();
        int[] recordShape;
        final Map<Long, Set<String>> pairs = new LinkedHashMap<>();
        int[] evRecord = new int[1024];
        int[] evShapeTmp = new int[1024];
        long[] evAtTmp = new long[1024];
        int evCount;
        long recordsRead;
        long eventsRead;
        long associationsRead;
        /** A partial load: the records kept (null: all) and those to score. */
        Set<RecordKey> keep;
        Set<RecordKey> rescore;
        Map<RecordKey, List<RecordKey>> becauseOf = Map.of();

        Builder(ShapeTable shapes, DataProblems problems) {
            this.shapes = shapes;
            this.warnings = new Warnings(problems);
        }

        /**
         * The one order of a load: records and list memberships (a record's shape needs both), then
         * the associations {@code associations} adds, then the events (an event's shape may need its
         * owner's lists).
         */
        Population read(CrmAdapter adapter, Runnable associations,
                        java.util.function.Supplier<Stream<CrmEvent>> events) {
            try (Stream<CrmRecord> records = adapter.records()) {
                records.forEach(this::addRecord);
            }
            try (Stream<ListMembership> lists = adapter.listMemberships()) {
                lists.forEach(this::addMembership);
            }
            shapeRecords();
            associations.run();
            try (Stream<CrmEvent> stream = events.get()) {
                stream.forEach(this::addEvent);
            }
            return new Population(this);
        }

        void addRecord(CrmRecord r) {
            recordsRead++;
            if (keep != null && !keep.contains(r.key())) {
                return;
            }
            Object[] values = shapes.projectRecord(r.properties(), warnings.numbers("records", r.key()));
            Set<String> memberOf = shapes.readLists(r.lists());
            Integer existing = index.get(r.key());
            if (existing != null) {
                warnings.duplicate(r.key());
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

        void addMembership(ListMembership m) {
            Integer i = index.get(m.record());
            if (i == null && keep != null && !keep.contains(m.record())) {
                return;
            }
            if (i == null) {
                warnings.dangling("lists", "list \"" + m.list() + "\"", m.record());
                return;
            }
            lists.get(i).addAll(shapes.readLists(List.of(m.list())));
        }

        void shapeRecords() {
            int n = keys.size();
            recordShape = new int[n];
            for (int i = 0; i < n; i++) {
                recordShape[i] = shapes.internRecord(types.get(i), rawValues.get(i), lists.get(i));
            }
            rawValues.clear();
        }

        void addAssociation(Association a) {
            associationsRead++;
            Integer x = index.get(a.from());
            Integer y = index.get(a.to());
            if (x == null || y == null) {
                warnings.dangling("associations", "association " + a.from() + " -> " + a.to(),
                        x == null ? a.from() : a.to());
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
            if (owner == null && keep != null && !keep.contains(e.record())) {
                return;
            }
            if (owner == null) {
                warnings.dangling("events", e.type() + " event", e.record());
                return;
            }
            Object[] raw = shapes.projectEvent(e.properties(), warnings.numbers("events", e.record()));
            int shape = shapes.internEvent(DataValue.fold(e.type()), raw, lists.get(owner));
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
