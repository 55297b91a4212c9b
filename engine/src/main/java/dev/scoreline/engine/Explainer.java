package dev.scoreline.engine;

import dev.scoreline.api.RecordKey;
import java.util.Optional;

/**
 * Explains one score of one record at a time, on the data it was made for (see {@link
 * ScoreEngine#explainer}), reusing what it matched for the records before: the groups, the total
 * and status, and each rule with whether it held and its points. The steps behind a rule
 * ({@link Explanation.RuleExplanation#details}) are left empty; {@link ScoreEngine#explain} gives
 * them. Thread-safe.
 */
@FunctionalInterface
public interface Explainer {

    /** Why {@code record} has its value of {@code score}; empty when the data holds no such record or score. */
    Optional<Explanation.ScoreExplanation> explain(RecordKey record, String score);
}
