package dev.scoreline.engine.internal.live;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.engine.ChangeText;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.LoadedData;
import dev.scoreline.engine.internal.eval.AdjustmentIndex;
import dev.scoreline.engine.internal.eval.Evaluator;
import dev.scoreline.engine.internal.eval.NextChange;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Scores that follow the data: a change re-scores exactly the records it can affect (the record,
 * and the records associated with it whose scores read associations), and time re-scores a
 * record when its next decay step or timeframe boundary comes, not on a schedule.
 */
public final class LiveEngine {

    private final CompiledRuleBase program;
    private final LiveData data;
    private final DroolsShapeMatcher matcher;
    private final Evaluator evaluator;
    /** Current results: record → one per score of the program (null: none). */
    private final Map<Integer, ScoreResult[]> results = new HashMap<>();
    private final Map<Integer, Long> nextChange = new HashMap<>();
    private final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final Set<String> typesReadingAssociations;
    private final NextChange nextChangeOf;
    private AdjustmentIndex adjustments = AdjustmentIndex.NONE;

    public LiveEngine(CompiledRuleBase program, CrmAdapter adapter, DataProblems problems, long now,
                      Function<Rule, String> ruleText) {
        this.program = program;
        LoadedData.Warnings warnings = new LoadedData.Warnings(problems);
        this.data = new LiveData(LoadedData.load(program, adapter, problems), warnings);
        this.matcher = new DroolsShapeMatcher(program, data, now);
        this.evaluator = new Evaluator(program, data, matcher, ruleText);
        evaluator.keepPartials(program);
        this.typesReadingAssociations = program.typesReadingAssociations;
        this.nextChangeOf = evaluator.nextChange();
        List<Integer> all = new ArrayList<>();
        for (int rec = 0; rec < data.size(); rec++) {
            all.add(rec);
        }
        rescore(all, "activation", (r, u) -> { });
    }

    public long now() {
        return matcher.now();
    }

    /** Records held now: those read at the start, plus those the changes added, less those removed. */
    public int records() {
        int n = 0;
        for (int rec = 0; rec < data.size(); rec++) {
            n += data.isRemoved(rec) ? 0 : 1;
        }
        return n;
    }

    /** Every current result, in no particular order. */
    public List<ScoreResult> results() {
        List<ScoreResult> out = new ArrayList<>();
        for (ScoreResult[] rs : results.values()) {
            for (ScoreResult r : rs) {
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    public ScoreResult result(String score, RecordKey key) {
        Integer rec = data.indexOf(key);
        if (rec == null || !results.containsKey(rec)) {
            return null;
        }
        for (ScoreResult r : results.get(rec)) {
            if (r != null && r.score().equals(score)) {
                return r;
            }
        }
        return null;
    }

    /** The earliest instant at which some value can change with no new data, or null. */
    public Instant nextChange() {
        while (!due.isEmpty()) {
            long[] head = due.peek();
            if (Objects.equals(nextChange.get((int) head[1]), head[0])) {
                return Instant.ofEpochMilli(head[0]);
            }
            due.poll(); // superseded
        }
        return null;
    }

    /** Applies one change at {@code at} and returns the score updates it caused. */
    public List<ScoreUpdate> apply(DataChange change, long at) {
        matcher.moveTo(at);
        Set<Integer> affected = new LinkedHashSet<>();
        String cause = ChangeText.describe(change);
        if (change instanceof DataChange.RecordUpserted u) {
            int rec = data.upsert(u.record());
            evaluator.forget(rec);
            affected.add(rec);
            addNeighbours(rec, affected);
        } else if (change instanceof DataChange.RecordRemoved r) {
            Integer rec = data.indexOf(r.key());
            if (rec != null) {
                evaluator.forget(rec);
            }
            int[] others = data.remove(r.key());
            List<ScoreUpdate> updates = new ArrayList<>();
            if (rec != null) {
                // The deleted record left every score's scope: one left-scope update per value it had.
                leave(results.remove(rec), Instant.ofEpochMilli(matcher.now()), cause, (old, u) -> updates.add(u));
                nextChange.remove(rec);
            }
            for (int o : others) {
                if (typesReadingAssociations.contains(data.type(o))) {
                    affected.add(o);
                }
            }
            addNeighbours(Set.copyOf(affected), program.associationHops - 1, affected);
            rescore(affected, cause, (old, u) -> updates.add(u));
            return updates;
        } else if (change instanceof DataChange.EventAppended e) {
            int rec = data.append(e.event());
            if (rec >= 0) {
                evaluator.forget(rec);
                affected.add(rec);
                addNeighbours(rec, affected);
            }
        } else if (change instanceof DataChange.AssociationAdded a) {
            for (int rec : data.associate(a.association())) {
                affected.add(rec);
            }
            addNeighbours(Set.copyOf(affected), program.associationHops - 1, affected);
        } else if (change instanceof DataChange.AssociationRemoved a) {
            for (int rec : data.dissociate(a.association())) {
                affected.add(rec);
            }
            addNeighbours(Set.copyOf(affected), program.associationHops - 1, affected);
        } else if (change instanceof DataChange.ListMembershipAdded m) {
            int rec = data.membership(m.membership().record(), m.membership().list(), true);
            if (rec >= 0) {
                evaluator.forget(rec);
                affected.add(rec);
                addNeighbours(rec, affected);
            }
        } else {
            DataChange.ListMembershipRemoved m = (DataChange.ListMembershipRemoved) change;
            int rec = data.membership(m.membership().record(), m.membership().list(), false);
            if (rec >= 0) {
                evaluator.forget(rec);
                affected.add(rec);
                addNeighbours(rec, affected);
            }
        }
        List<ScoreUpdate> updates = new ArrayList<>();
        rescore(affected, cause, (old, u) -> updates.add(u));
        return updates;
    }

    /**
     * Replaces the manual adjustments at {@code at}: re-scores the records whose adjustments are not
     * the same as before (and those that read their scores), with the change {@code adjustment} as
     * the cause: what was added and what was removed.
     */
    public List<ScoreUpdate> adjust(java.util.Collection<Adjustment> all, long at) {
        matcher.moveTo(at);
        AdjustmentIndex next = new AdjustmentIndex(all);
        Map<RecordKey, List<String>> why = new java.util.TreeMap<>();
        for (Adjustment a : all) {
            if (!adjustments.of(a.record()).contains(a)) {
                why.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(ChangeText.adjusted(a));
            }
        }
        for (Adjustment a : adjustments.all()) {
            if (!next.of(a.record()).contains(a)) {
                why.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(ChangeText.adjustmentRemoved(a));
            }
        }
        adjustments = next;
        evaluator.use(next);
        List<ScoreUpdate> updates = new ArrayList<>();
        for (Map.Entry<RecordKey, List<String>> e : why.entrySet()) {
            Integer rec = data.indexOf(e.getKey());
            if (rec == null) {
                continue;
            }
            Set<Integer> affected = new LinkedHashSet<>(List.of(rec));
            addNeighbours(rec, affected);
            rescore(affected, String.join("; ", e.getValue()), (old, u) -> updates.add(u));
        }
        return updates;
    }

    /** Moves the clock: re-scores every record whose next change has come, and returns the updates. */
    public List<ScoreUpdate> advanceTo(long at) {
        long before = matcher.now();
        matcher.moveTo(at);
        Set<Integer> recs = new LinkedHashSet<>();
        Map<String, Set<Integer>> expired = new java.util.TreeMap<>();
        while (!due.isEmpty() && due.peek()[0] <= at) {
            long[] head = due.poll();
            int rec = (int) head[1];
            if (Objects.equals(nextChange.get(rec), head[0])) {
                String why = ChangeText.expired(adjustments.of(data.key(rec)), before, at);
                (why == null ? recs : expired.computeIfAbsent(why, k -> new LinkedHashSet<>())).add(rec);
            }
        }
        List<ScoreUpdate> updates = new ArrayList<>();
        rescore(recs, ChangeText.TIME_MOVED, (old, u) -> updates.add(u));
        expired.forEach((why, expiring) -> rescore(expiring, why, (old, u) -> updates.add(u)));
        return updates;
    }

    /** Adds the records whose values a change to {@code rec} can move through associations. */
    private void addNeighbours(int rec, Set<Integer> affected) {
        addNeighbours(Set.of(rec), program.associationHops, affected);
    }

    /**
     * Adds the records up to {@code hops} associations away from {@code from} whose scores read
     * associations, each hop from those of the hop before: more than one when scores read scores
     * that read associations ({@link CompiledRuleBase#associationHops}).
     */
    private void addNeighbours(Set<Integer> from, int hops, Set<Integer> affected) {
        Set<Integer> frontier = from;
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            Set<Integer> next = new LinkedHashSet<>();
            for (int rec : frontier) {
                for (int o : data.neighbours(rec)) {
                    if (typesReadingAssociations.contains(data.type(o)) && affected.add(o)) {
                        next.add(o);
                    }
                }
            }
            frontier = next;
        }
    }

    private void rescore(Iterable<Integer> recs, String cause, BiConsumer<ScoreResult, ScoreUpdate> out) {
        List<Integer> list = new ArrayList<>();
        recs.forEach(list::add);
        if (list.isEmpty()) {
            return;
        }
        int[] arr = list.stream().mapToInt(Integer::intValue).toArray();
        for (int rec : arr) {
            evaluator.forgetResults(rec); // what scores read of these records' scores is evaluated anew
        }
        DroolsShapeMatcher.Batch batch = new DroolsShapeMatcher.Batch(arr, 0, arr.length); // what is new, matched together
        Instant when = Instant.ofEpochMilli(matcher.now());
        for (int rec : arr) {
            if (data.isRemoved(rec)) {
                continue;
            }
            String type = data.type(rec);
            ScoreResult[] old = results.get(rec);
            ScoreResult[] now = new ScoreResult[program.scores.length];
            for (int i = 0; i < program.scores.length; i++) {
                ProgramScore s = program.scores[i];
                if (!s.type.equals(type)) {
                    continue;
                }
                now[i] = evaluator.score(s, rec, batch);
                ScoreResult before = old == null ? null : old[i];
                ScoreUpdate update = ChangeText.update(before, now[i], when, cause);
                if (update != null) {
                    out.accept(before, update);
                }
            }
            results.put(rec, now);
            schedule(rec);
        }
    }

    /** The left-scope updates of a removed record: one per score it had a value of. */
    private static void leave(ScoreResult[] had, Instant when, String cause, BiConsumer<ScoreResult, ScoreUpdate> out) {
        if (had == null) {
            return;
        }
        for (ScoreResult before : had) {
            if (before != null) {
                out.accept(before, ChangeText.leftScope(before, when, cause));
            }
        }
    }

    /** Computes when the record's value can next change with time alone, and queues it. */
    private void schedule(int rec) {
        long next = nextChangeOf.of(data, rec, matcher.now(), evaluator::ownNext);
        if (next == NextChange.NEVER) {
            nextChange.remove(rec);
            return;
        }
        nextChange.put(rec, next);
        due.add(new long[] {next, rec});
    }
}
