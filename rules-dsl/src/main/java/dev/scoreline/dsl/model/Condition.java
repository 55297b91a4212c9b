package dev.scoreline.dsl.model;

import java.util.List;

/** A condition on a record's (or an event's) properties and lists, or on another score's value or status. */
public sealed interface Condition {

    /** The first {@code score "…"}/{@code status "…"} test ({@code scores}) or property predicate (else) in the condition, or null. */
    default Condition first(boolean scores) {
        List<Condition> parts = this instanceof Or or ? or.terms() : this instanceof And and ? and.terms()
                : this instanceof Not not ? List.of(not.term()) : null;
        if (parts == null) {
            boolean score = this instanceof ScoreTest || this instanceof StatusTest;
            return scores == score && (score || this instanceof Predicate) ? this : null;
        }
        return parts.stream().map(p -> p.first(scores)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether the condition tests another score anywhere in it ({@code score "…"}, {@code status "…"}). */
    default boolean readsScores() {
        return first(true) != null;
    }

    record Or(List<Condition> terms) implements Condition {
        public Or { terms = List.copyOf(terms); }
    }

    record And(List<Condition> terms) implements Condition {
        public And { terms = List.copyOf(terms); }
    }

    record Not(Condition term) implements Condition { }

    /**
     * {@code NAME op values}. {@code values} holds the literals of the operator (none for
     * KNOWN/UNKNOWN, two for the BETWEEN forms, one number for IN_THE_LAST); {@code unit} is set
     * for IN_THE_LAST only.
     */
    record Predicate(String property, Operator operator, List<Value> values, TimeUnit unit,
                     SourcePosition position) implements Condition {
        public Predicate { values = List.copyOf(values); }
    }

    /** {@code in list "X"} / {@code not in list "X"}. */
    record InList(String list, boolean negated, SourcePosition position) implements Condition { }

    /**
     * {@code score "NAME" cmp NUMBER | is between A and B | is known | is unknown} (language.md
     * section 7a): the value of score NAME for the record read, rounded to 2 decimals; unknown where
     * the record is out of NAME's scope. {@code operator} is one of GREATER, GREATER_OR_EQUAL, LESS,
     * LESS_OR_EQUAL (one number), BETWEEN_NUMBERS (two), KNOWN, UNKNOWN (none); {@code position} is
     * where the name's string was written.
     */
    record ScoreTest(String score, Operator operator, List<Value> values, SourcePosition position)
            implements Condition {
        public ScoreTest { values = List.copyOf(values); }
    }

    /**
     * {@code status "NAME" is "L" | is not "L" | is any of … | is none of …} (section 7a): the status
     * label of score NAME for the record read (a combined score's letter/digit such as {@code B2}),
     * compared as text. {@code operator} is IS, IS_NOT (one {@link Value.Text}), ANY_OF or NONE_OF
     * (one or more); {@code position} is where the name's string was written.
     */
    record StatusTest(String score, Operator operator, List<Value> values, SourcePosition position)
            implements Condition {
        public StatusTest { values = List.copyOf(values); }
    }

    enum Operator {
        IS, IS_NOT, ANY_OF, NONE_OF,
        CONTAINS, NOT_CONTAINS, CONTAINS_ANY_OF, STARTS_WITH, ENDS_WITH,
        GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL,
        BETWEEN_NUMBERS, BETWEEN_DATES,
        KNOWN, UNKNOWN,
        BEFORE, AFTER, IN_THE_LAST
    }
}
