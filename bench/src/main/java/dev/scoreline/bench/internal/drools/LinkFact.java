package dev.scoreline.bench.internal.drools;

import java.util.List;

/** One direction of an association as a Drools fact (naive baseline). */
public final class LinkFact {
    private final String fromType;
    private final int from;
    private final String toType;
    private final int to;
    private final List<String> labels;

    public LinkFact(String fromType, int from, String toType, int to, List<String> labels) {
        this.fromType = fromType;
        this.from = from;
        this.toType = toType;
        this.to = to;
        this.labels = labels;
    }

    public String getFromType() { return fromType; }
    public int getFromIdx() { return from; }
    public String getToType() { return toType; }
    public int getToIdx() { return to; }
    public List<String> getLabels() { return labels; }
}
