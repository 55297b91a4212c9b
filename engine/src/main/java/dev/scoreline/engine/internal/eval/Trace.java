package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
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

    /** Runs {@code explain} only when recording: details that need a walk of their own. */
    default void explain(Runnable explain) { }

    /** The rule being evaluated gave {@code points} (after its limit). */
    default void rule(ProgramRule r, BigDecimal points) { }

    /** A group's rules are done: its sum and its value after the group's limit. */
    default void group(ProgramGroup g, BigDecimal sum, BigDecimal value) { }

    default void outOfScope(ProgramScore s) { }

    /** The score's total before and after its limit and minimum, its status and result. */
    default void total(ProgramScore s, BigDecimal sum, BigDecimal total, ScoreResult result) { }
}
