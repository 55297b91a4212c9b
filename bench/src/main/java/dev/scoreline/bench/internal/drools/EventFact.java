package dev.scoreline.bench.internal.drools;

import java.util.Map;

/** An event as a Drools fact (naive baseline): its owner, type (trimmed, lower case), instant and properties. */
public final class EventFact {
    private final String ownerType;
    private final int owner;
    private final String type;
    private final long at;
    private final Map<String, Object> props;

    public EventFact(String ownerType, int owner, String type, long at, Map<String, Object> props) {
        this.ownerType = ownerType;
        this.owner = owner;
        this.type = type;
        this.at = at;
        this.props = props;
    }

    public String getOwnerType() { return ownerType; }
    public int getOwner() { return owner; }
    public String getType() { return type; }
    public long getAt() { return at; }

    public Object get(String name) {
        return props.get(name);
    }
}
