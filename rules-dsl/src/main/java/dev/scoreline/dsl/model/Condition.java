package dev.scoreline.dsl.model;

import java.util.List;

/** A condition on a record's (or an event's) properties and lists. */
public sealed interface Condition {

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

    enum Operator {
        IS, IS_NOT, ANY_OF, NONE_OF,
        CONTAINS, NOT_CONTAINS, CONTAINS_ANY_OF, STARTS_WITH, ENDS_WITH,
        GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL,
        BETWEEN_NUMBERS, BETWEEN_DATES,
        KNOWN, UNKNOWN,
        BEFORE, AFTER, IN_THE_LAST
    }
}
