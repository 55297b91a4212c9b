package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.ScoreReference;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.RecordGroup;
import dev.scoreline.engine.internal.compile.References;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.ShapeInterner;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordShape;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores that read other scores (language.md section 7a). The result of a score that some score
 * reads is evaluated once per record and NOW, when first asked for — by its own turn in a run, or
 * by a score that reads it, whichever comes first — so scores are always evaluated in the order
 * their references require (the validator rules out cycles), in runs, live updates and explanations
 * alike.
 *
 * <p>Rules that test another score ({@code score "A" >= 30}, {@code status "B" is "A2"}) are
 * matched by Drools like every rule: the record is seen through the rule's group of properties
 * plus the referenced scores' values and statuses ({@link References}), one fact per distinct
 * projection (values compared only with numbers are projected onto their interval, as for data
 * properties), and its hits are added to the record's.
 */
final class ScoreReferences {

    /** Kept for a record out of the score's scope. */
    private static final ScoreResult OUT_OF_SCOPE = new ScoreResult("out of scope", new dev.scoreline.api.RecordKey("none", "none"), BigDecimal.ZERO, "", Map.of(), null, null);

    private final CompiledRuleBase program;
    private final Evaluator evaluator;
    private final Map<String, Integer> indexByName = new HashMap<>();
    /**
     * Per score (identity), the groups of its record rules that read other scores, on the scored
     * record and on associated records: only those are projected when it is evaluated (the
     * groups of a score that reads this one must not be, or evaluating it would read itself).
     */
    private final Map<ProgramScore, List<RecordGroup>> ownGroups = new java.util.IdentityHashMap<>();
    private final Map<ProgramScore, List<RecordGroup>> associatedGroups = new java.util.IdentityHashMap<>();
    /** By (score, record): the result at {@link #keptAt}. */
    private final Map<Long, ScoreResult> kept = new ConcurrentHashMap<>();
    private volatile long keptAt = Long.MIN_VALUE;
    private final boolean none;

    ScoreReferences(CompiledRuleBase program, Evaluator evaluator) {
        this.program = program;
        this.evaluator = evaluator;
        for (int i = 0; i < program.scores.length; i++) {
            indexByName.put(program.scores[i].definition.name(), i);
        }
        for (ProgramScore s : program.scores) {
            for (var g : s.groups) {
                for (var r : g.rules) {
                    if (r.recordGroup() >= 0 && program.recordGroups.get(r.recordGroup()).readsScores()) {
                        note(s, program.recordGroups.get(r.recordGroup()), r.assocMatcher >= 0);
                    }
                    if (r.assocWhereGroup() >= 0) {
                        note(s, program.recordGroups.get(r.assocWhereGroup()), true);
                    }
                    if (r.ownerWhereGroup() >= 0) {
                        note(s, program.recordGroups.get(r.ownerWhereGroup()), r.assocMatcher >= 0);
                    }
                }
            }
        }
        this.none = ownGroups.isEmpty() && associatedGroups.isEmpty();
    }

    private void note(ProgramScore s, RecordGroup group, boolean associated) {
        List<RecordGroup> list = (associated ? associatedGroups : ownGroups).computeIfAbsent(s, k -> new ArrayList<>());
        if (!list.contains(group)) {
            list.add(group);
        }
    }

    ProgramScore score(int index) {
        return program.scores[index];
    }

    String name(int index) {
        return program.scores[index].definition.name();
    }

    /** The result of score {@code index} for {@code rec}, null when out of its scope (or no such score). */
    ScoreResult result(int index, int rec) {
        return index < 0 ? null : result(program.scores[index], index, rec, null);
    }

    ScoreResult result(ProgramScore s, int rec, DroolsShapeMatcher.Batch batch) {
        return result(s, s.index(), rec, batch);
    }

    private ScoreResult result(ProgramScore s, int index, int rec, DroolsShapeMatcher.Batch batch) {
        if (!s.type.equals(typeOf(rec))) {
            return null; // the validator allows only same-type references; other data has no value
        }
        keepAtMatcherNow();
        long key = ((long) index << 32) | (rec & 0xffffffffL);
        ScoreResult r = kept.get(key);
        if (r == null) {
            r = evaluator.evaluate(s, rec, batch);
            kept.put(key, r == null ? OUT_OF_SCOPE : r);
        }
        return r == OUT_OF_SCOPE ? null : r;
    }

    /** Keeps a result evaluated elsewhere (null: out of scope) as the record's, at the matcher's NOW. */
    void keep(int index, int rec, ScoreResult r) {
        keepAtMatcherNow();
        kept.put(((long) index << 32) | (rec & 0xffffffffL), r == null ? OUT_OF_SCOPE : r);
    }

    /** Results kept at another NOW no longer hold. */
    private void keepAtMatcherNow() {
        long now = evaluator.matcher.now();
        if (now != keptAt) {
            synchronized (this) {
                if (now != keptAt) {
                    kept.clear();
                    keptAt = now;
                }
            }
        }
    }

    /** The record's data (or a record it reads) changed: its kept results no longer hold. */
    void forget(int rec) {
        for (int i = 0; i < program.scores.length; i++) {
            if (program.scores[i].referenced()) {
                kept.remove(((long) i << 32) | (rec & 0xffffffffL));
            }
        }
    }

    private String typeOf(int rec) {
        return evaluator.data.shapes().recordShape(evaluator.data.recordShape(rec)).type();
    }

    /** {@code hits} (the record's own matches) with those of the score's rules that read other scores there. */
    long[] withReferences(long[] hits, int rec, ProgramScore s, boolean associated) {
        if (none) {
            return hits; // no rule tests another score: the usual case costs one field read
        }
        List<RecordGroup> groups = (associated ? associatedGroups : ownGroups).get(s);
        if (groups == null) {
            return hits;
        }
        long[] out = hits.clone();
        for (RecordGroup g : groups) {
            long[] more = projectionHits(g, rec);
            for (int i = 0; i < out.length && i < more.length; i++) {
                out[i] |= more[i];
            }
        }
        return out;
    }

    /** The record seen through a group that reads other scores, matched by Drools (kept by projection). */
    private long[] projectionHits(RecordGroup g, int rec) {
        RecordShape shape = evaluator.data.shapes().recordShape(evaluator.data.recordShape(rec));
        StringBuilder key = new StringBuilder().append(g.id()).append('\u0001');
        Map<String, DataValue> values = new HashMap<>();
        for (String p : g.properties()) {
            DataValue v = References.isReference(p) ? referenceValue(p, rec) : shape.values().get(p);
            if (v != null && !v.isUnknown()) {
                values.put(p, v);
                BigDecimal[] cuts = program.numericIntervals.get(CompiledRuleBase.intervalKey(g.type(), p));
                key.append(cuts == null ? DataValue.key(v.rawTexts()) : ShapeInterner.intervalOf(v, cuts));
            }
            key.append('\u0000');
        }
        Set<String> lists = g.lists() ? shape.lists() : Set.of();
        key.append('\u0002');
        for (String l : new TreeSet<>(lists)) {
            key.append(l).append('\u0003');
        }
        return evaluator.matcher.referenceMatches(key.toString(), new RecordShape(g.type(), values, lists), g.id());
    }

    /** For explanations: what a rule read on a record, with the other scores its condition reads there. */
    String valuesRead(dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule r, int rec) {
        String values = Texts.values(evaluator.data, rec, r);
        if (r.recordGroup() < 0 || !program.recordGroups.get(r.recordGroup()).readsScores()) {
            return values;
        }
        return values + ", " + scoresRead(r.recordGroup(), rec);
    }

    /** For explanations: the other scores a group's record rules read on a record ({@code score "A" = 12, …}). */
    String scoresRead(int group, int rec) {
        StringBuilder sb = new StringBuilder();
        for (String p : program.recordGroups.get(group).properties()) {
            if (References.isReference(p)) {
                DataValue v = referenceValue(p, rec);
                sb.append(sb.length() == 0 ? "" : ", ").append(References.isStatus(p) ? "status \"" : "score \"")
                        .append(References.scoreOf(p)).append("\" ").append(v.isUnknown() ? "unknown" : "= " + v);
            }
        }
        return sb.toString();
    }

    /** The referenced score's value (rounded, as reported) or status for the record; unknown out of its scope. */
    private DataValue referenceValue(String property, int rec) {
        Integer index = indexByName.get(References.scoreOf(property));
        ScoreResult r = index == null ? null : result(index, rec);
        if (r == null) {
            return DataValue.UNKNOWN;
        }
        return DataValue.of(References.isStatus(property) ? r.status() : r.value());
    }
}
