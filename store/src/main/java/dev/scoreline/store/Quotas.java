package dev.scoreline.store;

/**
 * How many scores of one object type may be active, and how many may be drafts, at once.
 * {@link #DEFAULT} (10 active, 20 drafts) applies to a type the store has no quota for.
 */
public record Quotas(int maxActive, int maxDrafts) {

    public static final Quotas DEFAULT = new Quotas(10, 20);

    public Quotas {
        if (maxActive < 0 || maxDrafts < 0) {
            throw new IllegalArgumentException("quotas cannot be negative: " + maxActive + " active, " + maxDrafts + " drafts");
        }
    }

    @Override
    public String toString() {
        return maxActive + " active, " + maxDrafts + " drafts";
    }
}
