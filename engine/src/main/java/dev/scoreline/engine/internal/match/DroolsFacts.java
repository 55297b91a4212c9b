package dev.scoreline.engine.internal.match;

import dev.scoreline.engine.internal.compile.MatchFact;
import dev.scoreline.engine.internal.data.DataValue;
import java.util.Map;
import java.util.Set;

/**
 * The facts inserted into Drools sessions. Each stands for a shape — every record, event or
 * association that looks the same to the rules — and collects the matchers it satisfies.
 */
public final class DroolsFacts {

    private DroolsFacts() { }

    /** What a record looks like to the rules: its type, the properties and lists they read. */
    public record RecordShape(String type, Map<String, DataValue> values, Set<String> lists) { }

    /** What an event looks like to the rules: its type, the properties they read, its owner's lists. */
    public record EventShape(String type, Map<String, DataValue> values, Set<String> ownerLists) { }

    /** What record and event facts share: the values and lists a shape holds, NOW, and the hits. */
    abstract static class ShapeFact implements MatchFact {
        public final String type;
        private final Map<String, DataValue> values;
        private final Set<String> lists;
        private final long now;
        public final HitSet hits;

        ShapeFact(String type, Map<String, DataValue> values, Set<String> lists, long now, int matcherCount) {
            this.type = type;
            this.values = values;
            this.lists = lists;
            this.now = now;
            this.hits = new HitSet(matcherCount);
        }

        /** The only thing a rule consequence does. */
        public void hit(int matcher) {
            hits.hit(matcher);
        }

        @Override
        public DataValue value(String foldedName) {
            return values.getOrDefault(foldedName, DataValue.UNKNOWN);
        }

        @Override
        public boolean inList(String foldedList) {
            return lists.contains(foldedList);
        }

        @Override
        public long now() {
            return now;
        }
    }

    public static final class RecordFact extends ShapeFact {
        /** The group of a fact that holds every property the rules read: an association's target. */
        public static final int WHOLE = -1;
        public final int factId;
        /**
         * Which projection this fact is: the record seen through the properties (and lists) of one
         * group of rules, or {@link #WHOLE}. A record rule only matches facts of its own group.
         */
        public final int group;

        public RecordFact(int factId, RecordShape shape, int group, long now, int matcherCount) {
            super(shape.type(), shape.values(), shape.lists(), now, matcherCount);
            this.factId = factId;
            this.group = group;
        }
    }

    /** An event; its lists are its owner's. */
    public static final class EventFact extends ShapeFact {
        public final long at;

        public EventFact(EventShape shape, long at, long now, int matcherCount) {
            super(shape.type(), shape.values(), shape.ownerLists(), now, matcherCount);
            this.at = at;
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
