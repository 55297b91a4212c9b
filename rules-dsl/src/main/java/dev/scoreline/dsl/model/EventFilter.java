package dev.scoreline.dsl.model;

import java.util.List;

/**
 * {@code EVENT_TYPE [where CONDITION]}; {@code where} is {@code null} when not written.
 *
 * <p>A {@code score "…"}/{@code status "…"} test in {@code where} reads the record that owns the
 * event (language.md section 12), so the condition splits in two, joined by {@code and}: the
 * top-level terms that test the owner's scores ({@link #ownerTerms}) and the rest, on the event
 * itself ({@link #eventTerms}). A term that tests both under {@code or}/{@code not}
 * ({@link #mixedTerm}) cannot be split: the validator refuses it (SL426).
 */
public record EventFilter(String type, Condition where) {

    /** The top-level terms of {@code where} that test the owner's scores, as one condition; null when none does. */
    public Condition ownerTerms() {
        return join(terms().stream().filter(Condition::readsScores).toList());
    }

    /** The other terms of {@code where}, on the event itself; null when none is left. */
    public Condition eventTerms() {
        return join(terms().stream().filter(t -> !t.readsScores()).toList());
    }

    /** The first top-level term that tests the owner's scores and the event's properties at once, or null. */
    public Condition mixedTerm() {
        return terms().stream().filter(t -> t.first(true) != null && t.first(false) != null).findFirst().orElse(null);
    }

    private List<Condition> terms() {
        return where == null ? List.of() : where instanceof Condition.And and ? and.terms() : List.of(where);
    }

    private static Condition join(List<Condition> terms) {
        return terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new Condition.And(terms);
    }
}
