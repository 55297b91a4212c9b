package dev.scoreline.dsl.model;

/** What a sliding scale ({@code value of OPERAND}, language.md section 6) reads as a number. */
public sealed interface Operand {

    /** {@code value of PROP}: the record's property PROP read as a number (the sum of a multi-valued one's numbers). */
    record Property(String name) implements Operand { }

    /**
     * {@code value of score "NAME"}: the value of score NAME for the record read (section 7a);
     * {@code position} is where the name's string was written.
     */
    record Score(String score, SourcePosition position) implements Operand { }
}
