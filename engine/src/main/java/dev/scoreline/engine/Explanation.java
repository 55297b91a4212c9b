package dev.scoreline.engine;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.List;

/**
 * Why a record has the scores it has: for every score, whether the record is in scope, every
 * rule with what it matched and the points it gave, each group's sum and clamp, the total, its
 * clamp and the status. Produced by the same evaluation that scores, so the two never disagree.
 */
public record Explanation(RecordKey record, String asOf, List<ScoreExplanation> scores) {

    /**
     * One score of the record. {@code adjustments} are the manual adjustments that count at the
     * explanation's NOW; {@code sum} is the groups' values plus those adjustments, before the clamp.
     */
    public record ScoreExplanation(String score, String type, boolean inScope, String scope,
                                   List<GroupExplanation> groups, List<Adjustment> adjustments, BigDecimal sum, BigDecimal total,
                                   String totalClamp, String status, String statusReason, ScoreResult result) { }

    public record GroupExplanation(String name, String kind, BigDecimal startAt, List<RuleExplanation> rules,
                                   BigDecimal sum, BigDecimal value, String clamp) { }

    /**
     * One rule: its text, where it was written, whether it contributed, its points, and the
     * details behind them (values read, events with their age and decay factor, associated records).
     */
    public record RuleExplanation(String rule, int line, boolean matched, BigDecimal points, List<String> details) { }
}
