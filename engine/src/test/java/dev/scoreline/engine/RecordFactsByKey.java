package dev.scoreline.engine;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An adapter's data grouped by record key the way a partitioned job groups it (the last of
 * duplicate records, list memberships added to the record's lists, events and associations with
 * their record), scored key by key with a {@link RecordScorer}: what the engine's one-JVM run must
 * equal. Public for the tests of other modules (the Flink runner checks its job against it).
 */
public final class RecordFactsByKey {

    private RecordFactsByKey() { }

    public static Map<RecordKey, RecordScorer.Facts> of(CrmAdapter adapter) {
        Map<RecordKey, CrmRecord> records = new HashMap<>();
        adapter.records().forEach(r -> records.put(r.key(), r));
        Map<RecordKey, Set<String>> lists = new HashMap<>();
        adapter.listMemberships().forEach((ListMembership m) ->
                lists.computeIfAbsent(m.record(), k -> new LinkedHashSet<>()).add(m.list()));
        Map<RecordKey, List<CrmEvent>> events = new HashMap<>();
        adapter.events().forEach(e -> events.computeIfAbsent(e.record(), k -> new ArrayList<>()).add(e));
        Map<RecordKey, List<Association>> assocs = new HashMap<>();
        adapter.associations().forEach(a -> {
            assocs.computeIfAbsent(a.from(), k -> new ArrayList<>()).add(a);
            assocs.computeIfAbsent(a.to(), k -> new ArrayList<>()).add(a);
        });
        Map<RecordKey, RecordScorer.Facts> facts = new TreeMap<>();
        records.forEach((key, r) -> {
            Set<String> memberOf = new LinkedHashSet<>(r.lists());
            memberOf.addAll(lists.getOrDefault(key, Set.of()));
            CrmRecord withLists = new CrmRecord(key, r.properties(), List.copyOf(memberOf));
            facts.put(key, new RecordScorer.Facts(withLists, events.get(key), assocs.get(key)));
        });
        return facts;
    }

    /**
     * Every result keyed "score/record", each with its next change ("never" for none): the
     * summaries of the records' data, passed on through {@link RecordScorer#hopStages} hop stages
     * as a partitioned job passes them, then each record scored with its neighbours' summaries.
     */
    public static Map<String, String> scoreKeyByKey(RecordScorer scorer, Map<RecordKey, RecordScorer.Facts> facts,
                                                     Instant now) {
        Map<RecordKey, RecordScorer.Summary> summaries = new HashMap<>();
        facts.forEach((key, f) -> summaries.put(key, f.summary()));
        for (int hop = 0; hop < scorer.hopStages(); hop++) {
            Map<RecordKey, RecordScorer.Summary> given = new HashMap<>();
            for (RecordScorer.Facts f : facts.values()) {
                given.put(f.record().key(), scorer.give(f, neighbours(scorer, f, summaries), now));
            }
            summaries.clear();
            summaries.putAll(given);
        }
        Map<String, String> out = new TreeMap<>();
        for (RecordScorer.Facts f : facts.values()) {
            RecordScorer.Scored scored = scorer.score(f, neighbours(scorer, f, summaries), now);
            for (ScoreResult r : scored.results()) {
                out.put(r.score() + "/" + r.record(), line(r, scored.nextChange()));
            }
        }
        return out;
    }

    /** The summaries a record's stage gathers: those of the records associated with it, when its scores read them. */
    private static Map<RecordKey, RecordScorer.Summary> neighbours(RecordScorer scorer, RecordScorer.Facts f,
                                                                   Map<RecordKey, RecordScorer.Summary> summaries) {
        Map<RecordKey, RecordScorer.Summary> neighbours = new HashMap<>();
        if (scorer.readsAssociations(f.record().key())) {
            for (Association a : f.associations()) {
                for (RecordKey k : List.of(a.from(), a.to())) {
                    if (summaries.containsKey(k)) {
                        neighbours.put(k, summaries.get(k));
                    }
                }
            }
        }
        return neighbours;
    }

    /** The engine's run of the same data, in the same form. */
    public static Map<String, String> scoreInOneRun(ScoreEngine engine, CompiledScores scores, CrmAdapter adapter,
                                                    Instant now) {
        ScoringData data = engine.load(scores, adapter, dev.scoreline.api.DataProblems.IGNORE);
        Map<String, String> out = new TreeMap<>();
        engine.scoreWithNextChange(data, now, (r, next) -> out.put(r.score() + "/" + r.record(), line(r, next)));
        return out;
    }

    /** A result as text, every field with the next change, so any difference shows. */
    public static String line(ScoreResult r, Instant next) {
        return r + " next " + (next == null ? "never" : next);
    }
}
