package dev.scoreline.dsl.model;

/** Units of {@code in the last N UNIT}: a month is 30 days and a year 365, all in UTC. */
public enum TimeUnit {
    DAY(1), WEEK(7), MONTH(30), YEAR(365);

    private final int days;

    TimeUnit(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public String keyword(long amount) {
        String s = name().toLowerCase(java.util.Locale.ROOT);
        return amount == 1 ? s : s + "s";
    }
}
