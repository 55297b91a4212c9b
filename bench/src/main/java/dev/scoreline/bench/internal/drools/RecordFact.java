package dev.scoreline.bench.internal.drools;

import java.util.List;
import java.util.Map;

/** A CRM record as a Drools fact (naive baseline): its type, index in its table, properties and lists. */
public final class RecordFact {
    private final String type;
    private final int idx;
    private final Map<String, Object> props;
    private final List<String> lists;

    public RecordFact(String type, int idx, Map<String, Object> props, List<String> lists) {
        this.type = type;
        this.idx = idx;
        this.props = props;
        this.lists = lists;
    }

    public String getType() { return type; }
    public int getIdx() { return idx; }
    public List<String> getLists() { return lists; }
    public Map<String, Object> getProps() { return props; }

    /** A property by name (the map's keys are lower case). */
    public Object get(String name) {
        return props.get(name);
    }
}
