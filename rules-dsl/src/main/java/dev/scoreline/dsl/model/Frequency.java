package dev.scoreline.dsl.model;

/**
 * {@code exactly n | at least n | at most n | between a and b}: how many events a frequency rule
 * needs ({@code … times}), or how many records a count rule needs; {@code b} is used by BETWEEN only.
 */
public record Frequency(Kind kind, int a, int b) {

    public enum Kind { EXACTLY, AT_LEAST, AT_MOST, BETWEEN }

    public boolean test(long n) {
        return switch (kind) {
            case EXACTLY -> n == a;
            case AT_LEAST -> n >= a;
            case AT_MOST -> n <= a;
            case BETWEEN -> n >= a && n <= b;
        };
    }
}
