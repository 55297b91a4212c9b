package dev.scoreline.dsl.model;

/**
 * {@code on associated TYPE [labeled "L"] [where C] [aggregate A]}. {@code label}, {@code where}
 * and {@code aggregate} are {@code null} when not written; the default aggregation is SUM.
 */
public record AssociationClause(String objectType, String label, Condition where, Aggregate aggregate) {

    public Aggregate aggregateOrDefault() {
        return aggregate == null ? Aggregate.SUM : aggregate;
    }
}
