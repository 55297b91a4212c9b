package dev.scoreline.testkit;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ListMembership;

import java.util.List;

/** Everything an adapter gave, stream by stream, and the problems it reported while giving it. */
public record AdapterContents(List<CrmRecord> records, List<CrmEvent> events, List<Association> associations,
                              List<ListMembership> listMemberships, RecordedProblems problems) {

    public AdapterContents {
        records = List.copyOf(records);
        events = List.copyOf(events);
        associations = List.copyOf(associations);
        listMemberships = List.copyOf(listMemberships);
    }

    /** The facts in adapter-neutral text form; see {@link FactSnapshot}. */
    public FactSnapshot snapshot() {
        return FactSnapshot.of(this);
    }
}
