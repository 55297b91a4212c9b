package dev.scoreline.dsl.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scoring rule. Points are signed: {@code subtract 5} is {@code -5}. {@code association} is
 * {@code null} for rules on the scored record itself; {@code timeframe} is {@code null} when none.
 */
public sealed interface Rule {

    AssociationClause association();

    SourcePosition position();

    /** {@code add|subtract P if CONDITION}. */
    record PropertyRule(BigDecimal points, Condition condition, AssociationClause association,
                        SourcePosition position) implements Rule { }

    /** {@code points for PROP: v1 p1, v2 p2} (score individually). */
    record PropertyPointsRule(String property, List<ValuePoints> points, AssociationClause association,
                              SourcePosition position) implements Rule {
        public PropertyPointsRule {
            points = List.copyOf(points);
        }
    }

    /** {@code add|subtract P for each EVENT [timeframe]}. */
    record EventRule(BigDecimal points, EventFilter event, Timeframe timeframe, AssociationClause association,
                     SourcePosition position) implements Rule { }

    /** {@code points for each EVENT by PROP: v1 p1, … [timeframe]}. */
    record EventPointsRule(EventFilter event, String property, List<ValuePoints> points, Timeframe timeframe,
                           AssociationClause association, SourcePosition position) implements Rule {
        public EventPointsRule {
            points = List.copyOf(points);
        }
    }

    /** {@code add|subtract P if EVENT occurs FREQUENCY [timeframe]}. */
    record FrequencyRule(BigDecimal points, EventFilter event, Frequency frequency, Timeframe timeframe,
                         AssociationClause association, SourcePosition position) implements Rule { }

    /** True for the rules that read events (and so may decay). */
    default boolean isEventRule() {
        return this instanceof EventRule || this instanceof EventPointsRule || this instanceof FrequencyRule;
    }
}
