package dev.scoreline.engine;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.internal.eval.NextChange;
import dev.scoreline.engine.internal.record.KeyScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores one record at a time from its own facts and the summaries of the records associated with
 * it: the engine's scoring for a job that partitions the data by record key (a Flink task), where
 * no process holds all of it. Build one per task: it keeps the shapes, the matches and the Drools
 * rule base across the records it scores, so records of shapes seen before cost no Drools session.
 * Its results are exactly {@link ScoreEngine#scoreWithNextChange}'s for the same data and NOW.
 *
 * <pre>{@code
 * RecordScorer scorer = RecordScorer.create(engine.compile(definitions), problems);
 * // stage 1, per key: send facts.summary() to each associated record that scorer.readsAssociations(..)
 * // then scorer.hopStages() times, per key: send scorer.give(facts, summariesByKey, now) likewise
 * // last stage, per key: scorer.score(facts, summariesByKey, now)
 * }</pre>
 *
 * <p>Not thread-safe: one per task (thread).
 */
public final class RecordScorer {

    /**
     * Everything the data holds of one record: the record (its lists including those given as list
     * memberships), its events and the associations it is an end of.
     */
    public record Facts(CrmRecord record, List<CrmEvent> events, List<Association> associations) {
        public Facts {
            Objects.requireNonNull(record, "record");
            events = events == null ? List.of() : events;
            associations = associations == null ? List.of() : associations;
        }

        /** What an associated record's scoring reads of this one. */
        public Summary summary() {
            return new Summary(record, events);
        }
    }

    /**
     * What a record's associated records read of it: its properties and lists, its events, and
     * (from a hop stage, {@link #give}) what its own scoring gave it; {@code given} is null in a
     * summary of the record's data alone.
     */
    public record Summary(CrmRecord record, List<CrmEvent> events, Given given) {
        public Summary {
            Objects.requireNonNull(record, "record");
            events = events == null ? List.of() : events;
        }

        /** The record's data alone. */
        public Summary(CrmRecord record, List<CrmEvent> events) {
            this(record, events, null);
        }

        public RecordKey key() {
            return record.key();
        }
    }

    /**
     * What a record's scoring with its own neighbours gives the records associated with it, for
     * scores {@link #hopStages() two or more association hops deep}: its results (none when out of
     * scope) of the scores read through an association that themselves read associations, and the
     * earliest next change of the records it reads, up to one hop less than the scores' depth.
     */
    public record Given(List<ScoreResult> scores, Instant nextChange) {
        public Given {
            scores = List.copyOf(scores);
        }
    }

    /** A record's results (none when out of scope of every score), and its next change with time alone. */
    public record Scored(List<ScoreResult> results, Instant nextChange) { }

    private final KeyScorer scorer;

    private RecordScorer(KeyScorer scorer) {
        this.scorer = scorer;
    }

    /** A scorer for compiled scores; warnings about the scored records' own data go to {@code problems}. */
    public static RecordScorer create(CompiledScores scores, DataProblems problems) {
        return new RecordScorer(new KeyScorer(scores.program, problems, 0L, RuleText::of));
    }

    /**
     * How many stages must pass summaries on before the last one scores: 0 when no score reads,
     * through an association, a score that itself reads associations; else one less than the
     * longest such chain of associations (a deal's priority reading its company's health, which
     * averages the company's contacts' lead scores: 1). Stage {@code h} sends each record's
     * {@link #give} of the summaries it gathered from stage {@code h - 1} (the first, of their data alone).
     */
    public int hopStages() {
        return scorer.hopStages();
    }

    /** Whether the record's scores read associated records: only then does it need their summaries. */
    public boolean readsAssociations(RecordKey record) {
        return scorer.readsAssociations(record);
    }

    /**
     * Scores a record at {@code now}. {@code neighbours} holds the summaries of the associated
     * records that are in the data (an association to a record not there is left out, as a run
     * leaves it out); the next change is null when the record's values never change with time alone
     * (or it is out of scope of every score).
     */
    public Scored score(Facts facts, Map<RecordKey, Summary> neighbours, Instant now) {
        List<ScoreResult> results = new ArrayList<>(2);
        long next = scorer.score(facts, neighbours, now.toEpochMilli(), results::add);
        return new Scored(results, instant(next));
    }

    /**
     * The record's summary for a hop stage: its data and what its scoring at {@code now} with
     * {@code neighbours} (the previous stage's summaries) gives the records associated with it.
     */
    public Summary give(Facts facts, Map<RecordKey, Summary> neighbours, Instant now) {
        List<ScoreResult> given = new ArrayList<>(1);
        long next = scorer.give(facts, neighbours, now.toEpochMilli(), given::add);
        return new Summary(facts.record(), facts.events(), new Given(given, instant(next)));
    }

    private static Instant instant(long next) {
        return next == NextChange.NEVER ? null : Instant.ofEpochMilli(next);
    }
}
