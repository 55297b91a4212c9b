package dev.scoreline.dsl.model;

/**
 * The period of an event cap (language.md section 6), all in UTC: a calendar day, a week from
 * Monday 00:00, a calendar month.
 */
public enum CapPeriod {
    DAY, WEEK, MONTH;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
