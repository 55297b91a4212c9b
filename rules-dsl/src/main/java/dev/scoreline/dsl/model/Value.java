package dev.scoreline.dsl.model;

import java.math.BigDecimal;

/** A literal value of the language. Strings are data, never code. */
public sealed interface Value {

    record Text(String text) implements Value {
        @Override public String toString() { return text; }
    }

    record Number(BigDecimal number) implements Value {
        @Override public boolean equals(Object o) {
            // 2.50 and 2.5 are the same number.
            return o instanceof Number n && n.number.compareTo(number) == 0;
        }
        @Override public int hashCode() { return number.stripTrailingZeros().hashCode(); }
        @Override public String toString() { return number.toPlainString(); }
    }

    record Date(DateLiteral date) implements Value {
        @Override public String toString() { return date.toString(); }
    }

    record Bool(boolean value) implements Value {
        @Override public String toString() { return Boolean.toString(value); }
    }
}
