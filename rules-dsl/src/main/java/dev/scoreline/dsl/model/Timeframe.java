package dev.scoreline.dsl.model;

/** When an event must have happened for a rule to count it (language.md section 11). */
public sealed interface Timeframe {

    /** {@code in the last N UNIT}: NOW - N*UNIT <= t <= NOW. */
    record InTheLast(int amount, TimeUnit unit) implements Timeframe { }

    record Before(DateLiteral date) implements Timeframe { }

    record After(DateLiteral date) implements Timeframe { }

    record Between(DateLiteral from, DateLiteral to) implements Timeframe { }

    /**
     * {@code since PROP}: t >= the instant in the scored record's date property PROP (always the
     * scored record, also under {@code on associated} and in count rules; a multi-valued PROP bounds
     * at its earliest readable instant). Unknown or unreadable PROP: no lower bound.
     */
    record Since(String property) implements Timeframe { }
}
