package dev.scoreline.dsl.model;

public enum ScoreType {
    ENGAGEMENT, FIT, COMBINED, HEALTH;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
