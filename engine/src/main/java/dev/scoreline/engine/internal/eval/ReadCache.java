package dev.scoreline.engine.internal.eval;

import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;

/**
 * What one evaluation reads, each looked up once: the record's matches and event counts, and per
 * association its other record, the association's matches and that record's matches and event
 * counts. Matches of rules that read other scores are added to a record's own ({@link ScoreReferences}).
 */
final class ReadCache {
    final ProgramScore score;
    final int scored;
    private final Evaluator evaluator;
    private final DataView data;
    private final DroolsShapeMatcher matcher;
    private final DroolsShapeMatcher.Batch batch;
    private boolean ownCounted;
    private long[] own;
    private long[] ownSince;
    private long[] associatedSince;
    int[] other;
    private DroolsShapeMatcher.Batch together;
    long[][] assocHits;
    private long[][] otherCounts;
    private boolean[] otherCounted;
    private long[][] otherRecord;

    ReadCache(Evaluator evaluator, ProgramScore score, int scored, DroolsShapeMatcher.Batch batch) {
        this.evaluator = evaluator;
        this.data = evaluator.data;
        this.matcher = evaluator.matcher;
        this.score = score;
        this.scored = scored;
        this.batch = batch;
    }

    /** The scored record's matches, with those of its rules that read other scores. */
    long[] recordHits() {
        return evaluator.references.withReferences(matcher.recordMatches(scored, batch), scored, score, false);
    }

    /** The scored record's counts for the score's own event rules; null when none counts. */
    long[] own() {
        if (!ownCounted) {
            own = evaluator.tally(score.ownEvents, scored, batch, ownSinceBounds());
            ownCounted = true;
        }
        return own;
    }

    /** Per rule of the score's own event layout, its since bound on the scored record (null: none has one). */
    long[] ownSinceBounds() {
        if (ownSince == null && score.ownEvents.readsSince) {
            ownSince = SinceBounds.of(data, score.ownEvents, scored);
        }
        return ownSince;
    }

    /** The same for the score's rules on associated records: their bounds too are the scored record's. */
    long[] associatedSinceBounds() {
        if (associatedSince == null && score.associatedEvents.readsSince) {
            associatedSince = SinceBounds.of(data, score.associatedEvents, scored);
        }
        return associatedSince;
    }

    /** The associations of the scored record, with their matches, looked up on first use. */
    void neighbours() {
        if (other != null) {
            return;
        }
        int n = data.assocCount(scored);
        other = new int[n];
        together = new DroolsShapeMatcher.Batch(other, 0, n);
        assocHits = new long[n][];
        otherCounts = new long[n][];
        otherCounted = new boolean[n];
        otherRecord = new long[n][];
        for (int a = 0; a < n; a++) {
            other[a] = data.assocOther(scored, a);
            assocHits[a] = matcher.assocMatches(data.assocLabels(scored, a), data.recordShape(other[a]), scored, batch);
        }
    }

    long[] recordHitsOfNeighbour(int a) {
        if (otherRecord[a] == null) {
            otherRecord[a] = evaluator.references.withReferences(matcher.recordMatches(other[a], together), other[a], score, true);
        }
        return otherRecord[a];
    }

    /**
     * The associated record's counts for the score's event rules on associated records (kept
     * between live evaluations, see {@link Evaluator#keepPartials}); null when none counts. Its
     * events are matched, when new, with those of every associated record in one session.
     */
    long[] countsOfNeighbour(int a) {
        if (!otherCounted[a]) {
            otherCounts[a] = evaluator.partial(score.associatedEvents, other[a], together, associatedSinceBounds());
            otherCounted[a] = true;
        }
        return otherCounts[a];
    }
}
