package dev.scoreline.flink.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.RecordScorer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The keyed stages' per-key work, each with the task's one {@link RecordScorer}: gathering
 * neighbours, a hop stage per association hop past the first, scoring.
 */
public final class Stages {

    private Stages() { }

    /** What the job's tasks compile their scorer from (shipped to every task). */
    public interface Rules extends Supplier<CompiledScores>, java.io.Serializable { }

    /**
     * First stage, per record key: the record's facts to its own key, and its summary to each
     * associated record whose scores read associations (no other needs it).
     *
     * <p>When no stage passes summaries on ({@link RecordScorer#hopStages} 0), a record whose
     * scores read no associated record is scored here, its updates to {@link #SCORED}: no summary
     * will come to it, so its facts need not cross the second shuffle (the lead scenario's every
     * contact, the health scenario's contacts, which no score is on).
     */
    public static final class Neighbours extends ProcessFunction<Bundle, Gathered> {
        private static final long serialVersionUID = 1L;
        /** The updates of the records scored in the first stage. */
        public static final OutputTag<ScoreUpdate> SCORED = new OutputTag<>("scored in the first stage", UpdateType.TYPE);
        private final Rules rules;
        private final long now;
        private transient RecordScorer scorer;
        private transient boolean scoresHere;

        public Neighbours(Rules rules, Instant now) {
            this.rules = rules;
            this.now = now.toEpochMilli();
        }

        @Override
        public void open(OpenContext context) {
            scorer = RecordScorer.create(rules.get(), new Stages.Logged()); // warns only of the records it scores
            scoresHere = scorer.hopStages() == 0;
        }

        @Override
        public void processElement(Bundle bundle, Context context, Collector<Gathered> out) {
            RecordScorer.Facts facts = bundle.facts();
            if (facts == null) {
                return; // events, lists or associations of a record not in the data: a one-JVM run drops them too
            }
            if (scoresHere && !scorer.readsAssociations(facts.record().key())) {
                Score.scored(scorer, facts, Map.of(), now, u -> context.output(SCORED, u));
                sendSummaries(scorer, facts, facts::summary, out);
                return;
            }
            send(scorer, facts, facts::summary, out);
        }
    }

    /**
     * A hop stage, per record key, when scores read through an association scores that read
     * associations ({@link RecordScorer#hopStages}): the record's facts to its own key again, and
     * to its neighbours a summary that carries what its scoring with the neighbours' summaries of
     * the stage before gives them (a company's account score, for its contacts' priority).
     */
    public static final class Hop extends RichFlatMapFunction<Gathered, Gathered> {
        private static final long serialVersionUID = 1L;
        private final Rules rules;
        private final long now;
        private transient RecordScorer scorer;

        public Hop(Rules rules, Instant now) {
            this.rules = rules;
            this.now = now.toEpochMilli();
        }

        @Override
        public void open(OpenContext context) {
            scorer = RecordScorer.create(rules.get(), DataProblems.IGNORE); // the scoring stage warns
        }

        @Override
        public void flatMap(Gathered g, Collector<Gathered> out) {
            if (g.facts == null) {
                return; // summaries sent to a record that is not in the data
            }
            send(scorer, g.facts, () -> scorer.give(g.facts, g.neighbours(), Instant.ofEpochMilli(now)), out);
        }
    }

    /**
     * The record's facts to its own key, and its summary to each associated record whose scores
     * read associations (no other needs it; the summary is made only when one does).
     */
    private static void send(RecordScorer scorer, RecordScorer.Facts facts, Supplier<RecordScorer.Summary> summary,
                             Collector<Gathered> out) {
        out.collect(Gathered.own(facts));
        sendSummaries(scorer, facts, summary, out);
    }

    /** The record's summary to each associated record whose scores read associations. */
    private static void sendSummaries(RecordScorer scorer, RecordScorer.Facts facts, Supplier<RecordScorer.Summary> summary,
                                      Collector<Gathered> out) {
        RecordKey self = facts.record().key();
        Set<RecordKey> others = new LinkedHashSet<>();
        for (Association a : facts.associations()) {
            RecordKey other = a.from().equals(self) ? a.to() : a.from();
            if (!other.equals(self) && scorer.readsAssociations(other)) {
                others.add(other);
            }
        }
        RecordScorer.Summary made = others.isEmpty() ? null : summary.get();
        for (RecordKey other : others) {
            out.collect(Gathered.summary(other, made));
        }
    }

    /** Second stage, per record key: the record scored at the job's NOW from its facts and its neighbours' summaries. */
    public static final class Score extends RichFlatMapFunction<Gathered, ScoreUpdate> {
        private static final long serialVersionUID = 1L;
        /** The cause every update of a retroactive run carries. */
        public static final String CAUSE = "flink batch run";
        private final Rules rules;
        private final long now;
        private transient RecordScorer scorer;

        public Score(Rules rules, Instant now) {
            this.rules = rules;
            this.now = now.toEpochMilli();
        }

        @Override
        public void open(OpenContext context) {
            scorer = RecordScorer.create(rules.get(), new Stages.Logged());
        }

        @Override
        public void flatMap(Gathered g, Collector<ScoreUpdate> out) {
            if (g.facts == null) {
                return; // summaries sent to a record that is not in the data
            }
            scored(scorer, g.facts, g.neighbours(), now, out::collect);
        }

        /** The record's updates at {@code now}, each with the job's cause. */
        static void scored(RecordScorer scorer, RecordScorer.Facts facts, Map<RecordKey, RecordScorer.Summary> neighbours,
                           long now, java.util.function.Consumer<ScoreUpdate> out) {
            Instant at = Instant.ofEpochMilli(now);
            for (ScoreResult r : scorer.score(facts, neighbours, at).results()) {
                out.accept(new ScoreUpdate(r, null, null, at, CAUSE));
            }
        }
    }

    /** The scored records' data warnings (a value that does not read as a number), to the task's log. */
    public static final class Logged implements DataProblems {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Stages.class);

        @Override public void badLine(String source, long line, String reason) {
            LOG.warn("{}:{}: {}", source, line, reason);
        }

        @Override public void warning(String source, long line, String message) {
            LOG.warn("{}: {}", source, message);
        }
    }
}
