package dev.scoreline.api;

import java.util.Objects;

/** One change to CRM data that may move scores. */
public sealed interface DataChange {

    /** A record added or replaced (its properties and lists as they are now). */
    record RecordUpserted(CrmRecord record) implements DataChange {
        public RecordUpserted { Objects.requireNonNull(record); }
    }

    record RecordRemoved(RecordKey key) implements DataChange {
        public RecordRemoved { Objects.requireNonNull(key); }
    }

    record EventAppended(CrmEvent event) implements DataChange {
        public EventAppended { Objects.requireNonNull(event); }
    }

    record AssociationAdded(Association association) implements DataChange {
        public AssociationAdded { Objects.requireNonNull(association); }
    }

    record AssociationRemoved(Association association) implements DataChange {
        public AssociationRemoved { Objects.requireNonNull(association); }
    }

    record ListMembershipAdded(ListMembership membership) implements DataChange {
        public ListMembershipAdded { Objects.requireNonNull(membership); }
    }

    record ListMembershipRemoved(ListMembership membership) implements DataChange {
        public ListMembershipRemoved { Objects.requireNonNull(membership); }
    }
}
