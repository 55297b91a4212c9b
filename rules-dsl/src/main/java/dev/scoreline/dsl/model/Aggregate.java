package dev.scoreline.dsl.model;

public enum Aggregate {
    SUM, AVERAGE, MIN, MAX;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
