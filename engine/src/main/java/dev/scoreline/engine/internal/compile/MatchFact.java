package dev.scoreline.engine.internal.compile;

import dev.scoreline.engine.internal.data.DataValue;

/** What a condition reads: a fact's properties, the lists of the record it belongs to, and NOW. */
public interface MatchFact {

    /** The value of a property, by its case-folded name; {@link DataValue#UNKNOWN} when missing. */
    DataValue value(String foldedName);

    /** Whether the record (for an event: the record that owns it) is in the list, by folded name. */
    boolean inList(String foldedList);

    /** The evaluation instant, epoch milliseconds. */
    long now();
}
