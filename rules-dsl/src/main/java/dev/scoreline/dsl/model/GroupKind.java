package dev.scoreline.dsl.model;

/** The tag of a group in a combined score. */
public enum GroupKind {
    FIT, ENGAGEMENT;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
