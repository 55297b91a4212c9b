package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A run of several scores being applied ({@link RunLedger#beginRun}): each result goes to its
 * score's {@link ScoreApplication}.
 */
public final class RunApplication implements Consumer<ScoreResult> {

    private final Map<String, ScoreApplication> apps;

    RunApplication(Map<String, ScoreApplication> apps) {
        this.apps = apps;
    }

    @Override
    public void accept(ScoreResult r) {
        app(r).accept(r);
    }

    /** Adds a result with the instant its value can next change with time alone (null: never). */
    public void accept(ScoreResult r, Instant nextChange) {
        app(r).accept(r, nextChange);
    }

    private ScoreApplication app(ScoreResult r) {
        ScoreApplication a = apps.get(r.score());
        if (a == null) {
            throw new IllegalArgumentException("score \"" + r.score() + "\" is not part of this run " + apps.keySet());
        }
        return a;
    }

    /** See {@link ScoreApplication#onlyRecords}: for every score of the run. */
    public RunApplication onlyRecords(Collection<RecordKey> records) {
        apps.values().forEach(a -> a.onlyRecords(records));
        return this;
    }

    /** Finishes every score; the diffs by score name. */
    public Map<String, ScoreDiff> finish() {
        return finish(s -> null);
    }

    /** Finishes every score and keeps each one's feed position (see {@link ScoreApplication#finish(FeedPosition)}). */
    public Map<String, ScoreDiff> finish(Function<String, FeedPosition> positions) {
        Map<String, ScoreDiff> out = new LinkedHashMap<>();
        apps.forEach((score, a) -> out.put(score, a.finish(positions.apply(score))));
        return out;
    }
}
