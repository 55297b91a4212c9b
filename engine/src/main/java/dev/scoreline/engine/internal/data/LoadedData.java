package dev.scoreline.engine.internal.data;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
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
 * The data of a run, held compactly for a {@link CompiledRuleBase}: every record reduced to a record
 * shape, every event to (shape, instant), associations as adjacency lists with interned label
 * sets. Only what the rules read is kept: a property no rule mentions costs nothing.
 */
public final class LoadedData implements DataView {

    private final ShapeInterner shapes;
    private final KeyIndex index;
    private final RecordKey[] keys;
    private final int[] recordShape;
    /** Every event, grouped by record, oldest first. */
    private final EventBlocks events;
    /** Associations of record i: indices asStart[i] until asStart[i+1] of asOther/asLabels. */
    private final int[] asStart;
    private final int[] asOther;
    private final int[] asLabels;
    private final Stats stats;
    /** The records to score; null when every record is (a full load). */
    private final java.util.BitSet selected;
    /** For a partial load: the changed records each re-scored neighbour is re-scored for. */
    private final Map<RecordKey, List<RecordKey>> becauseOf;
    /** A partial load's records to score by key, also those not in the data (removed); null for a full load. */
    private final Set<RecordKey> selection;

    /** What loading saw; {@code eventsRead} is false when no rule reads events, so none were read. */
    public record Stats(long records, long events, long associations, long warnings, boolean eventsRead) { }

    private LoadedData(Builder b) {
        this.shapes = b.shapes;
        this.index = b.index;
        this.keys = b.index.keys();
        int n = keys.length;
        this.recordShape = b.recordShape;
        this.events = b.events;
        events.groupByRecord(n);
        // Associations both ways.
        PairIndex pairs = b.pairs;
        asStart = new int[n + 1];
        for (int p = 0; p < pairs.size(); p++) {
            asStart[(int) (pairs.pair(p) >>> 32) + 1]++;
            asStart[(int) pairs.pair(p) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            asStart[i + 1] += asStart[i];
        }
        asOther = new int[2 * pairs.size()];
        asLabels = new int[2 * pairs.size()];
        int[] afill = Arrays.copyOf(asStart, n);
        for (int p = 0; p < pairs.size(); p++) {
            int x = (int) (pairs.pair(p) >>> 32);
            int y = (int) pairs.pair(p);
            int labels = pairs.labels(p);
            int px = afill[x]++;
            asOther[px] = y;
            asLabels[px] = labels;
            int py = afill[y]++;
            asOther[py] = x;
            asLabels[py] = labels;
        }
        this.stats = new Stats(b.recordsRead, b.eventsRead, b.associationsRead, b.warnings.count,
                b.shapes.program().readsEvents);
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
                int i = index.indexOf(k);
                if (i >= 0) {
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
    public Map<String, int[]> recordsByType() {
        Map<String, int[]> result = byType;
        if (result != null) {
            return result;
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
            Arrays.sort(boxed, (a, b) -> keys[a].compareTo(keys[b]));
            result.put(e.getKey(), Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        }
        byType = result;
        return result;
    }

    public Integer indexOf(RecordKey key) {
        int i = index.indexOf(key);
        return i < 0 ? null : i;
    }

    @Override public ShapeInterner shapes() { return shapes; }
    @Override public RecordKey key(int rec) { return keys[rec]; }
    @Override public int recordShape(int rec) { return recordShape[rec]; }
    @Override public int eventCount(int rec) { return events.count(rec); }
    @Override public int eventShape(int rec, int i) { return events.shape(events.start(rec) + i); }
    @Override public long eventAt(int rec, int i) { return events.at(events.start(rec) + i); }
    @Override public void events(int rec, EventSpan span) { events.span(rec, span); }
    @Override public int assocCount(int rec) { return asStart[rec + 1] - asStart[rec]; }
    @Override public int assocOther(int rec, int i) { return asOther[asStart[rec] + i]; }
    @Override public int assocLabels(int rec, int i) { return asLabels[asStart[rec] + i]; }

    /**
     * Reads what the rules read of an adapter's data: its records and associations, and its events
     * unless no rule reads events, each through the program's {@link CompiledRuleBase#projection}.
     * Problems and warnings go to {@code problems}.
     */
    public static LoadedData load(CompiledRuleBase program, CrmAdapter adapter, DataProblems problems) {
        Builder b = new Builder(new ShapeInterner(program), problems);
        adapter.open(b.adapterProblems);
        return b.read(adapter, () -> ReadAhead.forEach(adapter::associations, b::addAssociation, b.adapterProblems),
                () -> adapter.events(program.projection));
    }

    /**
     * Reads only what re-scoring some records needs. The records to score are the {@code changed}
     * ones, the records associated with a changed one whose type has a score reading associations
     * (its aggregates moved) — and theirs in turn, up to {@link CompiledRuleBase#associationHops}
     * away, when scores read scores that read associations — and the {@code due} ones (their own
     * instant covers their neighbours'). Kept besides: the records those read through
     * associations, as far. Everything else is streamed past
     * and dropped, so memory and scoring follow the selection, not the data. References to records
     * outside what is kept are not checked (a full load reports them).
     */
    public static LoadedData load(CompiledRuleBase program, CrmAdapter adapter, DataProblems problems,
                                  Set<RecordKey> changed, Set<RecordKey> due) {
        Builder b = new Builder(new ShapeInterner(program), problems);
        adapter.open(b.adapterProblems);
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
        Map<RecordKey, List<RecordKey>> neighbours = new HashMap<>();
        for (Association a : relevant) {
            neighbours.computeIfAbsent(a.from(), k -> new ArrayList<>()).add(a.to());
            neighbours.computeIfAbsent(a.to(), k -> new ArrayList<>()).add(a.from());
        }
        int hops = program.associationHops;
        Set<RecordKey> rescore = new java.util.HashSet<>(changed);
        rescore.addAll(due);
        Map<RecordKey, List<RecordKey>> becauseOf = new HashMap<>();
        // What a change moves: its neighbours whose scores read associations, and (when scores read
        // scores that read associations) theirs, up to associationHops away.
        Map<RecordKey, RecordKey> origin = new HashMap<>();
        changed.forEach(c -> origin.put(c, c));
        Set<RecordKey> frontier = new java.util.HashSet<>(changed);
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            Set<RecordKey> next = new java.util.HashSet<>();
            for (RecordKey from : frontier) {
                for (RecordKey to : neighbours.getOrDefault(from, List.of())) {
                    if (reads(reading, to)) {
                        List<RecordKey> because = becauseOf.computeIfAbsent(to, k -> new ArrayList<>());
                        if (!because.contains(origin.get(from))) {
                            because.add(origin.get(from));
                        }
                        if (rescore.add(to) || !origin.containsKey(to)) {
                            origin.putIfAbsent(to, origin.get(from));
                            next.add(to);
                        }
                    }
                }
            }
            frontier = next;
        }
        // What they read: their associated records, and those records' own, as far as scores reach.
        Set<RecordKey> keep = new java.util.HashSet<>(rescore);
        frontier = new java.util.HashSet<>(rescore);
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            Set<RecordKey> next = new java.util.HashSet<>();
            for (RecordKey from : frontier) {
                if (reads(reading, from)) {
                    for (RecordKey to : neighbours.getOrDefault(from, List.of())) {
                        if (keep.add(to)) {
                            next.add(to);
                        }
                    }
                }
            }
            frontier = next;
        }
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
        }, () -> adapter.events(keep::contains, program.projection));
    }

    private static boolean reads(Set<String> typesReading, RecordKey key) {
        return typesReading.contains(DataValue.fold(key.type()));
    }

    /** The warnings of section 12 of the language, in one place for bulk loads and live changes. */
    public static final class Warnings {
        private final DataProblems problems;
        long count;

        public Warnings(DataProblems problems) {
            this.problems = problems;
        }

        void warn(String source, String message) {
            count++;
            problems.warning(source, 0, message);
        }

        public ShapeInterner.NumberWarnings numbers(String source, RecordKey owner) {
            return (property, text, asDate) -> warn(source, owner + ": " + property + " \"" + text + (asDate
                    ? "\" does not read as a date, so it sets no since bound"
                    : "\" does not read as a number, so no numeric comparison holds for it"));
        }

        void duplicate(RecordKey key) {
            warn("records", "record " + key + " appears more than once; the last one is kept");
        }

        public void dangling(String source, String what, RecordKey missing) {
            warn(source, what + " names " + missing + ", which is not in the data; ignored");
        }
    }

    private static final class Builder {
        final ShapeInterner shapes;
        final Warnings warnings;
        /** What the adapter reports while read ahead reaches {@code problems} in stream order. */
        final ReadAhead.Problems adapterProblems;
        final KeyIndex index = new KeyIndex();
        /** One instance per type name, shared by every key of the type. */
        final Map<String, String> typeNames = new HashMap<>();
        final List<String> types = new ArrayList<>();
        final List<Object[]> rawValues = new ArrayList<>();
        /** The read lists of each record: one shared empty set until a record is in a list. */
        final List<Set<String>> lists = new ArrayList<>();
        int[] recordShape;
        final PairIndex pairs = new PairIndex();
        final EventBlocks events = new EventBlocks();
        long recordsRead;
        long eventsRead;
        long associationsRead;
        /** A partial load: the records kept (null: all) and those to score. */
        Set<RecordKey> keep;
        Set<RecordKey> rescore;
        Map<RecordKey, List<RecordKey>> becauseOf = Map.of();

        Builder(ShapeInterner shapes, DataProblems problems) {
            this.shapes = shapes;
            this.warnings = new Warnings(problems);
            this.adapterProblems = new ReadAhead.Problems(problems);
        }

        /**
         * The one order of a load: records and list memberships (a record's shape needs both), then
         * the associations {@code associations} adds, then the events (an event's shape may need its
         * owner's lists), which are not read at all when no rule reads them.
         */
        LoadedData read(CrmAdapter adapter, Runnable associations,
                        java.util.function.Supplier<Stream<CrmEvent>> events) {
            // Each stream is parsed on a second thread while this one shapes what it gives.
            ReadAhead.forEach(() -> adapter.records(shapes.program().projection), this::addRecord, adapterProblems);
            ReadAhead.forEach(adapter::listMemberships, this::addMembership, adapterProblems);
            shapeRecords();
            associations.run();
            if (shapes.program().readsEvents) {
                ReadAhead.forEach(events, this::addEvent, adapterProblems);
            }
            return new LoadedData(this);
        }

        void addRecord(CrmRecord r) {
            recordsRead++;
            if (keep != null && !keep.contains(r.key())) {
                return;
            }
            Object[] values = shapes.projectRecord(r.key().type(), r.properties(), warnings.numbers("records", r.key()));
            Set<String> memberOf = shapes.readLists(r.lists());
            int existing = index.indexOf(r.key());
            if (existing >= 0) {
                warnings.duplicate(r.key());
                types.set(existing, DataValue.fold(r.key().type()));
                rawValues.set(existing, values);
                lists.set(existing, memberOf);
                return;
            }
            String type = typeNames.computeIfAbsent(r.key().type(), t -> t);
            index.add(type == r.key().type() ? r.key() : new RecordKey(type, r.key().id()));
            types.add(typeNames.computeIfAbsent(DataValue.fold(type), t -> t));
            rawValues.add(values);
            lists.add(memberOf);
        }

        void addMembership(ListMembership m) {
            int i = index.indexOf(m.record());
            if (i < 0 && keep != null && !keep.contains(m.record())) {
                return;
            }
            if (i < 0) {
                warnings.dangling("lists", "list \"" + m.list() + "\"", m.record());
                return;
            }
            Set<String> added = shapes.readLists(List.of(m.list()));
            if (!added.isEmpty() && !lists.get(i).containsAll(added)) {
                Set<String> union = new TreeSet<>(lists.get(i));
                union.addAll(added);
                lists.set(i, union);
            }
        }

        void shapeRecords() {
            int n = index.size();
            recordShape = new int[n];
            for (int i = 0; i < n; i++) {
                recordShape[i] = shapes.internRecord(types.get(i), rawValues.get(i), lists.get(i));
            }
            rawValues.clear();
        }

        void addAssociation(Association a) {
            associationsRead++;
            int x = index.indexOf(a.from());
            int y = index.indexOf(a.to());
            if (x < 0 || y < 0) {
                warnings.dangling("associations", "association " + a.from() + " -> " + a.to(),
                        x < 0 ? a.from() : a.to());
                return;
            }
            if (x == y) {
                return; // an association of a record with itself means nothing
            }
            long pair = ((long) Math.min(x, y) << 32) | Math.max(x, y);
            Set<String> labels = new TreeSet<>();
            for (String l : a.labels()) {
                labels.add(DataValue.fold(l));
            }
            int p = pairs.indexOf(pair);
            if (p < 0) {
                pairs.add(pair, shapes.internLabels(labels));
            } else if (!labels.isEmpty()) {
                labels.addAll(shapes.labelSet(pairs.labels(p)));
                pairs.setLabels(p, shapes.internLabels(labels));
            }
        }

        void addEvent(CrmEvent e) {
            eventsRead++;
            int owner = index.indexOf(e.record());
            if (owner < 0 && keep != null && !keep.contains(e.record())) {
                return;
            }
            if (owner < 0) {
                warnings.dangling("events", e.type() + " event", e.record());
                return;
            }
            Object[] raw = shapes.projectEvent(e.type(), e.properties(), warnings.numbers("events", e.record()));
            int shape = shapes.internEvent(DataValue.fold(e.type()), raw, lists.get(owner));
            events.add(owner, shape, e.at().toEpochMilli());
        }
    }
}
