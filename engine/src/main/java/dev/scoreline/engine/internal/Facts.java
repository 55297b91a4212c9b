package dev.scoreline.engine.internal;

import java.util.Map;
import java.util.Set;

/**
 * The facts inserted into Drools sessions. Each stands for a shape — every record, event or
 * association that looks the same to the rules — and collects the matchers it satisfies.
 */
public final class Facts {

    private Facts() { }

    /** What a record looks like to the rules: its type, the properties and lists they read. */
    public record RecordShape(String type, Map<String, DataValue> values, Set<String> lists) { }

    /** What an event looks like to the rules: its type, the properties they read, its owner's lists. */
    public record EventShape(String type, Map<String, DataValue> values, Set<String> ownerLists) { }

    public static final class RecordFact implements MatchFact {
        public final int factId;
        public final String type;
        private final RecordShape shape;
        private final long now;
        public final HitSet hits;

        public RecordFact(int factId, RecordShape shape, long now, int matcherCount) {
            this.factId = factId;
            this.type = shape.type();
            this.shape = shape;
            this.now = now;
            this.hits = new HitSet(matcherCount);
        }

        public void hit(int matcher) {
            hits.hit(matcher);
        }

        @Override
        public DataValue value(String foldedName) {
            return shape.values().getOrDefault(foldedName, DataValue.UNKNOWN);
        }

        @Override
        public boolean inList(String foldedList) {
            return shape.lists().contains(foldedList);
        }

        @Override
        public long now() {
            return now;
        }
    }

    public static final class EventFact implements MatchFact {
        public final String type;
        public final long at;
        private final EventShape shape;
        private final long now;
        public final HitSet hits;

        public EventFact(EventShape shape, long at, long now, int matcherCount) {
            this.type = shape.type();
            this.at = at;
            this.shape = shape;
            this.now = now;
            this.hits = new HitSet(matcherCount);
        }

        public void hit(int matcher) {
            hits.hit(matcher);
        }

        @Override
        public DataValue value(String foldedName) {
            return shape.values().getOrDefault(foldedName, DataValue.UNKNOWN);
        }

        @Override
        public boolean inList(String foldedList) {
            return shape.ownerLists().contains(foldedList);
        }

        @Override
        public long now() {
            return now;
        }
    }

    /** An association seen from the scored record: its labels and the record at the other end. */
    public static final class AssocFact {
        public final int targetFactId;
        private final Set<String> labels;
        public final HitSet hits;

        public AssocFact(int targetFactId, Set<String> labels, int matcherCount) {
            this.targetFactId = targetFactId;
            this.labels = labels;
            this.hits = new HitSet(matcherCount);
        }

        public boolean hasLabel(String foldedLabel) {
            return labels.contains(foldedLabel);
        }

        public void hit(int matcher) {
            hits.hit(matcher);
        }
    }
}
