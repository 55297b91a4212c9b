package dev.scoreline.dsl.model;

/** When an event must have happened for a rule to count it (language.md section 11). */
public sealed interface Timeframe {

    /** {@code in the last N UNIT}: NOW - N*UNIT <= t <= NOW. */
    record InTheLast(int amount, TimeUnit unit) implements Timeframe { }

    record Before(DateLiteral date) implements Timeframe { }

    record After(DateLiteral date) implements Timeframe { }

    record Between(DateLiteral from, DateLiteral to) implements Timeframe { }
}
