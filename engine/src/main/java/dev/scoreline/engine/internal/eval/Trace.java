package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataView;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * What an evaluation tells about itself, for {@code explain}. Scoring passes {@link #NONE}, which
 * does nothing (and never builds a text: details are suppliers); {@link ExplainTrace} records.
 */
interface Trace {

    Trace NONE = new Trace() { };

    /** Whether this trace records: explanations list associated records by key, which costs a sort. */
    default boolean recording() {
        return false;
    }

    /** One line of detail about the rule being evaluated. */
    default void detail(Supplier<String> text) { }

    /** Whether {@link #detail} keeps what it is given: work done only to describe a step can be skipped otherwise. */
    default boolean detailing() {
        return false;
    }

    /** Runs {@code explain} only when recording: details that need a walk of their own. */
    default void explain(Runnable explain) { }

    // The steps below are the ones every scored record takes: they pass what they have, so that
    // scoring builds neither a text nor a closure.

    /** A property rule on the record held or not. */
    default void propertyRule(ProgramRule r, boolean hit, int rec) { }

    /** A listed value of a {@code points for} rule that the record holds. */
    default void listedValue(ProgramRule r, int value) { }

    /** A {@code points for} rule whose listed values the record holds none of. */
    default void noListedValue(ProgramRule r, DataView data, int rec) { }

    /**
     * The rule being evaluated held: a value it reads is there, a counted record satisfies it. The
     * typed steps (property rules, listed values, events, frequencies) say so themselves.
     */
    default void held() { }

    /** A property rule on an associated record ({@code gives}: what it gives, null when it matches no listed value). */
    default void neighbour(ProgramRule r, boolean hit, BigDecimal gives, DataView data, int other) { }

    /** The record's own events for an event rule, event by event. */
    default void ownEvents(RuleContributions contributions, ProgramRule r, ProgramGroup g, int rec, ReadCache read) { }

    /** An associated record's events for an event rule, event by event. */
    default void neighbourEvents(RuleContributions contributions, ProgramRule r, ProgramGroup g, int other,
                                 ReadCache read) { }

    /** A frequency rule: the matching events' number, whether it satisfies the rule, the newest one's decay. */
    default void frequency(ProgramRule r, boolean holds, long n, long newest, long now, ProgramGroup g,
                           BigDecimal factor) { }

    /** A rule on associated records: how many matching records or events were aggregated, and the result. */
    default void aggregated(ProgramRule r, long count, BigDecimal result, String what) { }

    /** The rule being evaluated gave {@code points} (after its limit). */
    default void rule(ProgramRule r, BigDecimal points) { }

    /** A group's rules are done: its sum and its value after the group's limit. */
    default void group(ProgramGroup g, BigDecimal sum, BigDecimal value) { }

    default void outOfScope(ProgramScore s) { }

    /** The manual adjustments that count in the total (only called when there are some). */
    default void adjustments(java.util.List<dev.scoreline.api.Adjustment> adjustments) { }

    /** The score's total before and after its limit and minimum, its status and result. */
    default void total(ProgramScore s, BigDecimal sum, BigDecimal total, ScoreResult result) { }
}
