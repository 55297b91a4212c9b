package dev.scoreline.dsl.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scoring rule. Points are signed: {@code subtract 5} is {@code -5}. {@code association} is
 * {@code null} for rules on the scored record itself; {@code timeframe} and {@code cap} are
 * {@code null} when not written.
 *
 * <p>Every rule may end with {@code limit L} (language.md section 8.0): {@link #limit()} is L, or
 * {@code null} when not written; the rule's contribution (after decay, aggregation and summing over
 * its events) is clamped to [-L, L]. A written limit is always greater than 0.
 */
public sealed interface Rule {

    AssociationClause association();

    /** The rule's own maximum ({@code … limit L}), or {@code null}: its points are clamped to [-L, L]. */
    BigDecimal limit();

    SourcePosition position();

    /** {@code add|subtract P if CONDITION}. */
    record PropertyRule(BigDecimal points, Condition condition, AssociationClause association, BigDecimal limit,
                        SourcePosition position) implements Rule {
        /** A rule without a limit. */
        public PropertyRule(BigDecimal points, Condition condition, AssociationClause association, SourcePosition position) {
            this(points, condition, association, null, position);
        }
    }

    /** {@code points for PROP: v1 p1, v2 p2} (score individually). */
    record PropertyPointsRule(String property, List<ValuePoints> points, AssociationClause association,
                              BigDecimal limit, SourcePosition position) implements Rule {
        public PropertyPointsRule {
            points = List.copyOf(points);
        }

        /** A rule without a limit. */
        public PropertyPointsRule(String property, List<ValuePoints> points, AssociationClause association,
                                  SourcePosition position) {
            this(property, points, association, null, position);
        }
    }

    /** {@code add|subtract P for each EVENT [cap] [timeframe]}. */
    record EventRule(BigDecimal points, EventFilter event, EventCap cap, Timeframe timeframe,
                     AssociationClause association, BigDecimal limit, SourcePosition position) implements Rule {
        /** A rule without a cap and a limit. */
        public EventRule(BigDecimal points, EventFilter event, Timeframe timeframe, AssociationClause association,
                         SourcePosition position) {
            this(points, event, null, timeframe, association, null, position);
        }
    }

    /** {@code points for each EVENT by PROP: v1 p1, … [cap] [timeframe]}. */
    record EventPointsRule(EventFilter event, String property, List<ValuePoints> points, EventCap cap,
                           Timeframe timeframe, AssociationClause association, BigDecimal limit,
                           SourcePosition position) implements Rule {
        public EventPointsRule {
            points = List.copyOf(points);
        }

        /** A rule without a cap and a limit. */
        public EventPointsRule(EventFilter event, String property, List<ValuePoints> points, Timeframe timeframe,
                               AssociationClause association, SourcePosition position) {
            this(event, property, points, null, timeframe, association, null, position);
        }
    }

    /** {@code add|subtract P if EVENT occurs FREQUENCY [timeframe]}; its association never has an aggregate. */
    record FrequencyRule(BigDecimal points, EventFilter event, Frequency frequency, Timeframe timeframe,
                         AssociationClause association, BigDecimal limit, SourcePosition position) implements Rule {
        /** A rule without a limit. */
        public FrequencyRule(BigDecimal points, EventFilter event, Frequency frequency, Timeframe timeframe,
                             AssociationClause association, SourcePosition position) {
            this(points, event, frequency, timeframe, association, null, position);
        }
    }

    /**
     * {@code add|subtract value of OPERAND [times F]} (a sliding scale, language.md section 6):
     * the operand read as a number, times {@code factor}, once. {@code factor} is signed and holds
     * the sign of the verb: {@code add value of x} is 1, {@code subtract value of x times 2} is -2.
     * Under {@code on associated}, operand × F is aggregated over the matching records (section 7).
     */
    record ValueRule(BigDecimal factor, Operand operand, AssociationClause association, BigDecimal limit,
                     SourcePosition position) implements Rule { }

    /**
     * {@code add|subtract P if COUNT associated T [labeled "L"] [where C] [with EVENT [timeframe]]}
     * (language.md section 7): n = the distinct associated records of type T (with the label) that
     * meet C and, when {@code with} is given, own a matching event in the timeframe; +P once when
     * {@code count} holds for n. {@code association} holds T, the label and C, never an aggregate;
     * {@code with} and {@code timeframe} are {@code null} when not written ({@code timeframe} is set
     * only with {@code with}). No decay: records are counted, not events.
     */
    record CountRule(BigDecimal points, Frequency count, AssociationClause association, EventFilter with,
                     Timeframe timeframe, BigDecimal limit, SourcePosition position) implements Rule { }

    /**
     * True for the rules that read events (and so may decay): {@code for each}, {@code points for
     * each … by}, {@code occurs}, and count rules {@code with} an event (language.md section 4).
     */
    default boolean isEventRule() {
        return eventRead() != null;
    }

    /** The event an event rule reads (its {@code for each}, {@code by}, {@code occurs} or {@code with}), else null. */
    default EventFilter eventRead() {
        return this instanceof EventRule e ? e.event() : this instanceof EventPointsRule e ? e.event()
                : this instanceof FrequencyRule f ? f.event() : this instanceof CountRule c ? c.with() : null;
    }
}
