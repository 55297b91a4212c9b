package dev.scoreline.engine.internal.match;

import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.TimeRange;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.data.IdTable;
import dev.scoreline.engine.internal.data.IntSet;
import dev.scoreline.engine.internal.data.ShapeInterner;
import dev.scoreline.engine.internal.eval.EventRuleCounter;
import dev.scoreline.engine.internal.match.DroolsFacts.AssocFact;
import dev.scoreline.engine.internal.match.DroolsFacts.EventFact;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordFact;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.runtime.KieSession;

/**
 * Asks Drools which matchers each shape satisfies, once per shape for one evaluation instant.
 *
 * <p>Records and events that look alike to the rules (same type, same values of the properties
 * the rules read, same lists, and for events the same position against every timeframe) match
 * alike, so Drools decides every match once per distinct shape, in one session per batch, and
 * the per-record work is a lookup and arithmetic.
 */
public final class DroolsShapeMatcher {

    private final CompiledRuleBase program;
    private final DataView data;
    private volatile long now;
    private volatile TimeRange[] ranges;
    /** By record shape: the OR of its projections' hits. */
    private final IdTable<long[]> recordHits;
    /** By record projection (see {@link ShapeInterner#projections}). */
    private final IdTable<long[]> projectionHits = new IdTable<>(1024);
    private final Map<EventKey, long[]> eventHits = new ConcurrentHashMap<>();
    private final Map<Long, long[]> assocHits = new ConcurrentHashMap<>();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong factsMatched = new AtomicLong();

    public DroolsShapeMatcher(CompiledRuleBase program, DataView data, long now) {
        this.program = program;
        this.data = data;
        this.recordHits = new IdTable<>(data.shapes().recordShapeCount());
        this.now = now;
        this.ranges = program.timeframes.stream().map(t -> TimeRange.of(t, now)).toArray(TimeRange[]::new);
    }

    public long now() {
        return now;
    }

    /**
     * Moves the evaluation instant, keeping every cached match that cannot depend on it: an
     * event's matches depend on NOW through its timeframe slot (part of its key) unless an event
     * condition reads {@code is in the last}; a record's only through {@code is in the last}.
     */
    public void moveTo(long newNow) {
        if (newNow == now) {
            return;
        }
        now = newNow;
        ranges = program.timeframes.stream().map(t -> TimeRange.of(t, newNow)).toArray(TimeRange[]::new);
        if (program.time.recordMatchesMoveWithNow()) {
            referenceHits.clear();
            recordHits.clear();
            projectionHits.clear();
            assocHits.clear();
        }
        if (program.time.eventMatchesMoveWithNow()) {
            eventHits.clear();
        }
        generation++; // per-thread caches were built for the old slots' meaning

    }

    public long sessions() {
        return sessions.get();
    }

    public long factsMatched() {
        return factsMatched.get();
    }

    /** Where an event stands against every timeframe: together with its shape, all that its matches depend on. */
    record EventKey(int shape, long slot) { }

    EventKey eventKey(int shape, long at) {
        TimeRange[] ranges = this.ranges;
        if (ranges.length > 63) {
            return new EventKey(shape, at); // too many timeframes for a bit set: match each instant
        }
        long slot = 0;
        for (int j = 0; j < ranges.length; j++) {
            if (ranges[j].contains(at)) {
                slot |= 1L << j;
            }
        }
        return new EventKey(shape, slot);
    }

    /**
     * The matches of a record's shape. Shapes are matched when first read: when the record's has
     * not been matched yet, the shapes of all of {@code together} (null: the record alone) are
     * matched in one session first.
     */
    public long[] recordMatches(int rec, Batch together) {
        long[] hits = recordHits.get(data.recordShape(rec));
        if (hits == null) {
            matchBatch(rec, together, false, false);
            hits = recordHits.get(data.recordShape(rec));
        }
        return hits;
    }

    /**
     * The matches of an association with these labels to a record of this shape; when not matched
     * yet, the associations of all of {@code together} (null: {@code rec} alone) are matched first.
     */
    public long[] assocMatches(int labels, int targetShape, int rec, Batch together) {
        long key = ((long) labels << 32) | targetShape;
        LongHitCache cache = local().assocs;
        long[] hits = cache.get(key);
        if (hits == null) {
            hits = assocHits.get(key);
            if (hits == null) {
                matchBatch(rec, together, true, false);
                hits = assocHits.get(key);
            }
            cache.put(key, hits);
        }
        return hits;
    }

    private void matchBatch(int rec, Batch together, boolean neighbours, boolean events) {
        if (together == null) {
            match(new int[] {rec}, 0, 1, neighbours, events);
        } else {
            match(together.records(), together.from(), together.to(), neighbours, events);
        }
    }

    /** Per thread, the event and association matches already seen, by a packed key. */
    private static final class Local {
        long generation = -1;
        final LongHitCache events = new LongHitCache();
        final LongHitCache assocs = new LongHitCache();
    }

    private final ThreadLocal<Local> local = ThreadLocal.withInitial(Local::new);
    private volatile long generation;

    private Local local() {
        Local l = local.get();
        if (l.generation != generation) {
            l.events.clear(); // built for the old NOW's slots
            l.assocs.clear();
            l.generation = generation;
        }
        return l;
    }

    /**
     * The matches of an event of this shape at {@code at} (not after NOW). Events are matched when
     * first read: when this one has not been matched yet, the events of all of {@code together}
     * (null: just {@code rec}) are matched in one session first. A batch run passes the chunk
     * being scored, a company's evaluation its associated records, so each event is walked once,
     * to be counted, and Drools sees each chunk's new shapes in one session. A caller may ask for
     * any instant with the same position against every timeframe as the record's event
     * ({@link EventRuleCounter}); when that instant itself has no match yet, it is matched on its own.
     */
    public long[] eventMatches(int shape, long at, int rec, Batch together) {
        LongHitCache cache = ranges.length > 31 ? null : local().events;
        long[] hits = event(shape, at, cache);
        if (hits == null) {
            matchBatch(rec, together, false, true);
            hits = event(shape, at, cache);
        }
        if (hits == null) {
            hits = matchAlone(shape, at);
        }
        return hits;
    }

    private long[] matchAlone(int shape, long at) {
        EventKey key = eventKey(shape, at);
        EventFact fact = new EventFact(data.shapes().eventShape(shape), at, now, program.matcherCount);
        fire(java.util.List.of(fact));
        eventHits.put(key, fact.hits.bits());
        return fact.hits.bits();
    }

    /** Changes whenever NOW moves: what was worked out from matches and NOW is to be worked out again. */
    public long generation() {
        return generation;
    }

    /** The program's timeframes as instants at NOW, in the order of its timeframe slots. */
    public TimeRange[] ranges() {
        return ranges;
    }

    private long[] event(int shape, long at, LongHitCache cache) {
        TimeRange[] ranges = this.ranges;
        if (cache == null) {
            return eventHits.get(eventKey(shape, at));
        }
        long slot = 0;
        for (int j = 0; j < ranges.length; j++) {
            if (ranges[j].contains(at)) {
                slot |= 1L << j;
            }
        }
        long packed = ((long) shape << 32) | slot;
        long[] hits = cache.get(packed);
        if (hits == null) {
            hits = eventHits.get(new EventKey(shape, slot));
            if (hits != null) {
                cache.put(packed, hits);
            }
        }
        return hits;
    }

    /** Records whose events are matched together when one of them has an event not matched yet. */
    public record Batch(int[] records, int from, int to) { }

    /**
     * Matches what is new among the shapes of these records and, with {@code neighbours}, their
     * associations and associated records' shapes, and with {@code events} their events, in one
     * Drools session.
     */
    private void match(int[] records, int from, int to, boolean neighbours, boolean events) {
        long now = this.now;
        Map<Integer, RecordFact> newProjections = new HashMap<>();
        IntSet newShapes = new IntSet();
        Map<Integer, RecordFact> targets = new HashMap<>();
        Map<EventKey, EventFact> newEvents = new HashMap<>();
        Map<Long, AssocFact> newAssocs = new HashMap<>();
        int[] factIds = {0};
        for (int k = from; k < to; k++) {
            int rec = records[k];
            needRecord(data.recordShape(rec), newProjections, newShapes, factIds, now);
            if (events) {
                needEvents(rec, newEvents, now);
            }
            if (neighbours) {
                for (int a = 0; a < data.assocCount(rec); a++) {
                    int other = data.assocOther(rec, a);
                    int otherShape = data.recordShape(other);
                    needRecord(otherShape, newProjections, newShapes, factIds, now);
                    long key = ((long) data.assocLabels(rec, a) << 32) | otherShape;
                    if (!assocHits.containsKey(key) && !newAssocs.containsKey(key)) {
                        // The association's target as a whole record: its where clause may read any property.
                        RecordFact target = targets.computeIfAbsent(otherShape, s -> new RecordFact(factIds[0]++,
                                data.shapes().recordShape(s), RecordFact.WHOLE, now, program.matcherCount));
                        newAssocs.put(key, new AssocFact(target.factId,
                                data.shapes().labelSet(data.assocLabels(rec, a)), program.matcherCount));
                    }
                }
            }
        }
        if (newShapes.isEmpty() && newEvents.isEmpty() && newAssocs.isEmpty()) {
            return;
        }
        if (!newProjections.isEmpty() || !newEvents.isEmpty() || !newAssocs.isEmpty()) {
            java.util.List<Object> facts = new java.util.ArrayList<>(newProjections.values());
            facts.addAll(targets.values());
            facts.addAll(newEvents.values());
            facts.addAll(newAssocs.values());
            fire(facts);
        }
        newProjections.forEach((projection, fact) -> projectionHits.put(projection, fact.hits.bits()));
        int words = (program.matcherCount + 63) >>> 6;
        int[] ids = new int[newShapes.size()];
        long[][] shapeHits = new long[ids.length][];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = newShapes.get(n);
            long[] bits = new long[words];
            for (int projection : data.shapes().projections(ids[n])) {
                long[] hits = projectionHits.get(projection);
                for (int i = 0; i < words; i++) {
                    bits[i] |= hits[i];
                }
            }
            shapeHits[n] = bits;
        }
        recordHits.putAll(ids, shapeHits, ids.length);
        newEvents.forEach((key, fact) -> eventHits.put(key, fact.hits.bits()));
        newAssocs.forEach((key, fact) -> assocHits.put(key, fact.hits.bits()));
    }

    /** By key ({@link #referenceMatches}): the matches of projections that carry other scores' values. */
    private final Map<String, long[]> referenceHits = new ConcurrentHashMap<>();

    /**
     * The matches of a record seen through a group of rules that read other scores: {@code shape}
     * holds the group's properties and the referenced scores' values and statuses, {@code key}
     * says what it holds (equal keys match alike). New ones are matched in a session of their own.
     * Kept across clock moves only when record matches cannot move with NOW.
     */
    public long[] referenceMatches(String key, DroolsFacts.RecordShape shape, int group) {
        long[] hits = referenceHits.get(key);
        if (hits == null) {
            RecordFact fact = new RecordFact(-2, shape, group, now, program.matcherCount);
            fire(java.util.List.of(fact));
            hits = fact.hits.bits();
            referenceHits.put(key, hits);
        }
        return hits;
    }

    /** Inserts the facts into one new session and fires: their consequences set their hit bits. */
    private void fire(java.util.List<Object> facts) {
        KieSession session = program.kieBase.newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        sessions.incrementAndGet();
        factsMatched.addAndGet(facts.size());
    }

    /** Queues the projections of a record shape not matched yet; its hits are their OR. */
    private void needRecord(int shape, Map<Integer, RecordFact> pending, IntSet newShapes, int[] factIds,
                            long now) {
        if (recordHits.get(shape) != null || !newShapes.add(shape)) {
            return;
        }
        ShapeInterner shapes = data.shapes();
        for (int projection : shapes.projections(shape)) {
            if (projectionHits.get(projection) == null && !pending.containsKey(projection)) {
                pending.put(projection, new RecordFact(factIds[0]++, shapes.projection(projection),
                        shapes.projectionGroup(projection), now, program.matcherCount));
            }
        }
    }

    private void needEvents(int rec, Map<EventKey, EventFact> pending, long now) {
        if (!program.readsEvents) {
            return; // no rule reads an event: nothing to match
        }
        LongHitCache cache = ranges.length > 31 ? null : local().events;
        for (int e = 0; e < data.eventCount(rec); e++) {
            long at = data.eventAt(rec, e);
            if (at > now) {
                continue; // events after NOW are ignored
            }
            if (cache != null && event(data.eventShape(rec, e), at, cache) != null) {
                continue; // matched before: found without allocating
            }
            EventKey key = eventKey(data.eventShape(rec, e), at);
            if (!eventHits.containsKey(key) && !pending.containsKey(key)) {
                pending.put(key, new EventFact(data.shapes().eventShape(key.shape()), at, now,
                        program.matcherCount));
            }
        }
    }
}
