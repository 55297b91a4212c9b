package dev.scoreline.engine.internal.data;

import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.match.DroolsFacts;
import dev.scoreline.engine.internal.match.DroolsFacts.EventShape;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projects records and events onto what a program's rules read and interns the results: two
 * records with the same type, the same (folded) values of the read properties and the same read
 * lists get the same record shape id, and are matched by Drools once.
 */
public final class ShapeInterner {

    private final CompiledRuleBase program;
    private final Map<String, Integer> recordPropertyIndex = new HashMap<>();
    private final Map<String, Integer> eventPropertyIndex = new HashMap<>();
    /**
     * By type as the data writes it: the slots of the properties the rules read on that type
     * ({@link CompiledRuleBase#projection}); a property read only on other types is not kept, so an
     * adapter that honours the projection and one that gives everything make the same shapes.
     */
    private final Map<String, Map<String, Integer>> recordSlotsByType = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> eventSlotsByType = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> recordIds = new HashMap<>();
    private final Map<String, Integer> eventIds = new HashMap<>();
    private final Map<Object, Integer> labelIds = new HashMap<>();
    private final List<RecordShape> recordShapes = new ArrayList<>();
    private final List<EventShape> eventShapes = new ArrayList<>();
    private final List<Set<String>> labelSets = new ArrayList<>();
    /** Record projections (a record shape seen through one group of rules), interned. */
    private final Map<String, Integer> projectionIds = new HashMap<>();
    /** By projection id, read without the table's lock (matching a run's shapes reads them on every thread). */
    private final IdTable<Projection> projections = new IdTable<>(1024);
    private int projectionCount;

    private record Projection(RecordShape shape, int group) { }
    /** By record shape id: its projections' ids (null until asked); read without the table's lock. */
    private final IdTable<int[]> projectionsOfShape = new IdTable<>(1024);
    private final Map<String, List<GroupReads>> groupsByType = new HashMap<>();

    /**
     * What a record group reads, looked up once: its properties and, per property, the numbers
     * its rules compare it with (null: it is projected by value). Projecting 99,000 record shapes
     * looked each property's numbers up by a key string per shape.
     */
    private record GroupReads(CompiledRuleBase.RecordGroup group, String[] properties, BigDecimal[][] cuts) {
        static GroupReads of(CompiledRuleBase program, CompiledRuleBase.RecordGroup g) {
            String[] properties = g.properties().toArray(String[]::new);
            BigDecimal[][] cuts = new BigDecimal[properties.length][];
            for (int i = 0; i < properties.length; i++) {
                cuts[i] = program.numericIntervals.get(CompiledRuleBase.intervalKey(g.type(), properties[i]));
            }
            return new GroupReads(g, properties, cuts);
        }
    }

    public ShapeInterner(CompiledRuleBase program) {
        this.program = program;
        for (String p : program.recordProperties) {
            recordPropertyIndex.put(p, recordPropertyIndex.size());
        }
        for (String p : program.eventProperties) {
            eventPropertyIndex.put(p, eventPropertyIndex.size());
        }
        for (CompiledRuleBase.RecordGroup g : program.recordGroups) {
            if (g.readsScores()) {
                continue; // projected when the record is evaluated, with the scores it reads
            }
            groupsByType.computeIfAbsent(g.type(), k -> new ArrayList<>()).add(GroupReads.of(program, g));
        }
    }

    /**
     * The projections of a record shape onto the record groups of its type: one id per group,
     * interned, so records that agree on what one group of rules reads share its projection (and
     * Drools matches that group once for all of them).
     */
    public int[] projections(int recordShape) {
        int[] ids = projectionsOfShape.get(recordShape);
        return ids != null ? ids : projectAndIntern(recordShape);
    }

    private synchronized int[] projectAndIntern(int recordShape) {
        int[] ids = projectionsOfShape.get(recordShape);
        if (ids != null) {
            return ids;
        }
        RecordShape shape = recordShapes.get(recordShape);
        List<GroupReads> groups = groupsByType.getOrDefault(shape.type(), List.of());
        ids = new int[groups.size()];
        for (int i = 0; i < ids.length; i++) {
            GroupReads g = groups.get(i);
            StringBuilder key = new StringBuilder().append(g.group().id()).append('\u0001');
            for (int j = 0; j < g.properties().length; j++) {
                DataValue v = shape.values().get(g.properties()[j]);
                if (v != null) {
                    BigDecimal[] cuts = g.cuts()[j];
                    key.append(cuts == null ? DataValue.key(v.rawTexts()) : intervalOf(v, cuts));
                }
                key.append('\u0000');
            }
            Set<String> lists = g.group().lists() ? shape.lists() : Set.of();
            key.append('\u0002');
            for (String l : new TreeSet<>(lists)) {
                key.append(l).append('\u0003');
            }
            String k = key.toString();
            Integer id = projectionIds.get(k);
            if (id == null) {
                id = projectionCount++;
                projectionIds.put(k, id);
                Map<String, DataValue> values = new HashMap<>();
                for (String p : g.properties()) {
                    DataValue v = shape.values().get(p);
                    if (v != null) {
                        values.put(p, v); // the first record of the projection stands for all of them
                    }
                }
                projections.put(id, new Projection(new RecordShape(shape.type(), values, lists), g.group().id()));
            }
            ids[i] = id;
        }
        projectionsOfShape.put(recordShape, ids);
        return ids;
    }

    /**
     * Where a value stands against the numbers its rules compare it with: per atom, 2i+1 when it
     * equals the i-th number, 2i when it lies below it and above the one before, -1 when it does
     * not read as a number; the set of those (rules test any atom), or U when unknown.
     */
    public static String intervalOf(DataValue v, BigDecimal[] cuts) {
        if (v.isUnknown()) {
            return "U";
        }
        java.util.TreeSet<Integer> at = new java.util.TreeSet<>();
        for (DataValue.Atom a : v.atoms()) {
            BigDecimal x = a.number();
            if (x == null) {
                at.add(-1);
            } else {
                int i = java.util.Arrays.binarySearch(cuts, x);
                at.add(i >= 0 ? 2 * i + 1 : 2 * (-i - 1));
            }
        }
        return "I" + at;
    }

    public RecordShape projection(int id) {
        return projections.get(id).shape();
    }

    public int projectionGroup(int id) {
        return projections.get(id).group();
    }

    public CompiledRuleBase program() {
        return program;
    }

    public synchronized RecordShape recordShape(int id) {
        return recordShapes.get(id);
    }

    public synchronized EventShape eventShape(int id) {
        return eventShapes.get(id);
    }

    public synchronized Set<String> labelSet(int id) {
        return labelSets.get(id);
    }

    public synchronized int recordShapeCount() {
        return recordShapes.size();
    }

    public synchronized int eventShapeCount() {
        return eventShapes.size();
    }

    /** Receives the names of read properties whose values do not read as numbers. */
    interface NumberWarnings {
        /** A value of a property read as a number (or, {@code asDate}, as a since bound) that does not read as one. */
        void notReadable(String property, String text, boolean asDate);
    }

    /** The raw values of the properties the rules read on records of {@code type}, by case-insensitive name. */
    public Object[] projectRecord(String type, Map<String, Object> properties, NumberWarnings warnings) {
        Map<String, Integer> wanted = recordSlotsByType.computeIfAbsent(type,
                t -> slots(program.projection.recordProperties(t), recordPropertyIndex));
        return project(properties, wanted, recordPropertyIndex.size(), program.numericRecordProperties,
                program.sinceProperties, warnings);
    }

    public Object[] projectEvent(String type, Map<String, Object> properties, NumberWarnings warnings) {
        Map<String, Integer> wanted = eventSlotsByType.computeIfAbsent(type,
                t -> slots(program.projection.eventProperties(t), eventPropertyIndex));
        return project(properties, wanted, eventPropertyIndex.size(), program.numericEventProperties, Set.of(),
                warnings);
    }

    private static Map<String, Integer> slots(Set<String> read, Map<String, Integer> index) {
        Map<String, Integer> out = new HashMap<>();
        for (String p : read) {
            out.put(p, index.get(p));
        }
        return out;
    }

    private static Object[] project(Map<String, Object> properties, Map<String, Integer> wanted, int slots,
                                    Set<String> numeric, Set<String> dates, NumberWarnings warnings) {
        Object[] values = new Object[slots];
        if (wanted.isEmpty()) {
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
                            warnings.notReadable(e.getKey(), t, false);
                        }
                    }
                }
                if (dates.contains(name)) {
                    for (String t : DataValue.texts(e.getValue())) {
                        if (DataValue.parseInstant(t) == null) {
                            warnings.notReadable(e.getKey(), t, true);
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The lists of a record that the rules read, folded. */
    public Set<String> readLists(Iterable<String> lists) {
        Set<String> out = null;
        for (String list : lists) {
            String folded = DataValue.fold(list);
            if (program.listsRead.contains(folded)) {
                if (out == null) {
                    out = new TreeSet<>();
                }
                out.add(folded);
            }
        }
        return out == null ? Set.of() : out; // most records are in no list a rule reads: one shared set
    }

    /** One string per shape: type, each read value's key, the read lists, with separators no data holds. */
    private static String key(String foldedType, Object[] projected, Set<String> lists) {
        if (projected.length == 0 && lists.isEmpty()) {
            return foldedType;
        }
        StringBuilder sb = new StringBuilder(foldedType.length() + 16 * projected.length + 8).append(foldedType);
        for (Object v : projected) {
            sb.append('\u0000').append(DataValue.key(v));
        }
        sb.append('\u0002');
        for (String l : lists) {
            sb.append(l).append('\u0003');
        }
        return sb.toString();
    }

    public synchronized int internRecord(String foldedType, Object[] projected, Set<String> lists) {
        String key = key(foldedType, projected, lists);
        Integer id = recordIds.get(key);
        if (id == null) {
            id = recordShapes.size();
            recordIds.put(key, id);
            recordShapes.add(new RecordShape(foldedType, values(projected, program.recordProperties),
                    Set.copyOf(lists)));
        }
        return id;
    }

    public synchronized int internEvent(String foldedType, Object[] projected, Set<String> ownerLists) {
        Set<String> lists = program.eventsReadLists ? ownerLists : Set.of();
        String key = key(foldedType, projected, lists);
        Integer id = eventIds.get(key);
        if (id == null) {
            id = eventShapes.size();
            eventIds.put(key, id);
            eventShapes.add(new EventShape(foldedType, values(projected, program.eventProperties),
                    Set.copyOf(lists)));
        }
        return id;
    }

    /** An event shape with the owner's lists replaced (when the owner's lists change). */
    public synchronized int withOwnerLists(int eventShape, Set<String> ownerLists) {
        if (!program.eventsReadLists) {
            return eventShape;
        }
        EventShape s = eventShapes.get(eventShape);
        Object[] projected = new Object[program.eventProperties.size()];
        for (int i = 0; i < projected.length; i++) {
            DataValue v = s.values().get(program.eventProperties.get(i));
            projected[i] = v == null ? null : v.rawTexts();
        }
        return internEvent(s.type(), projected, ownerLists);
    }

    public synchronized int internLabels(Set<String> foldedLabels) {
        Set<String> key = new TreeSet<>(foldedLabels);
        Integer id = labelIds.get(key);
        if (id == null) {
            id = labelSets.size();
            labelIds.put(key, id);
            labelSets.add(Set.copyOf(key));
        }
        return id;
    }

    private static Map<String, DataValue> values(Object[] raw, List<String> names) {
        Map<String, DataValue> out = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            DataValue v = DataValue.of(raw[i]);
            if (!v.isUnknown()) {
                out.put(names.get(i), v);
            }
        }
        return out;
    }
}
