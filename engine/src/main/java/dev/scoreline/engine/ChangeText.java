package dev.scoreline.engine;

import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import java.util.List;

/**
 * What a {@link DataChange} says in a history entry's cause, and which records it touches directly:
 * one wording for live updates and for runs that re-score what a change feed reported.
 */
public final class ChangeText {

    private ChangeText() {
    }

    public static String describe(DataChange change) {
        if (change instanceof DataChange.RecordUpserted u) {
            return "record " + u.record().key() + " changed";
        } else if (change instanceof DataChange.RecordRemoved r) {
            return "record " + r.key() + " removed";
        } else if (change instanceof DataChange.EventAppended e) {
            return e.event().type() + " event of " + e.event().record() + " at " + e.event().at();
        } else if (change instanceof DataChange.AssociationAdded a) {
            return "association " + a.association().from() + " - " + a.association().to() + " added";
        } else if (change instanceof DataChange.AssociationRemoved a) {
            return "association " + a.association().from() + " - " + a.association().to() + " removed";
        } else if (change instanceof DataChange.ListMembershipAdded m) {
            return m.membership().record() + " added to list \"" + m.membership().list() + "\"";
        } else {
            DataChange.ListMembershipRemoved m = (DataChange.ListMembershipRemoved) change;
            return m.membership().record() + " removed from list \"" + m.membership().list() + "\"";
        }
    }

    /** A manual adjustment made: the change {@code adjustment} of a cause. */
    public static String adjusted(dev.scoreline.api.Adjustment a) {
        return "adjustment " + a.describe();
    }

    /** A manual adjustment removed. */
    public static String adjustmentRemoved(dev.scoreline.api.Adjustment a) {
        return "adjustment " + a.describe() + " removed";
    }

    /** A manual adjustment whose {@code until} has come. */
    public static String adjustmentExpired(dev.scoreline.api.Adjustment a) {
        return "adjustment " + a.describe() + " expired";
    }

    /**
     * What expired among a record's adjustments after {@code after} up to {@code upTo} (epoch
     * milliseconds), or null when none did: the cause of a record re-scored when its time came.
     */
    public static String expired(List<dev.scoreline.api.Adjustment> adjustments, long after, long upTo) {
        List<String> texts = new java.util.ArrayList<>();
        for (dev.scoreline.api.Adjustment a : adjustments) {
            if (a.until() != null && a.until().toEpochMilli() > after && a.until().toEpochMilli() <= upTo) {
                texts.add(adjustmentExpired(a));
            }
        }
        return texts.isEmpty() ? null : String.join("; ", texts);
    }

    /** The records whose own data the change touches (their neighbours are the caller's business). */
    public static List<RecordKey> records(DataChange change) {
        if (change instanceof DataChange.RecordUpserted u) {
            return List.of(u.record().key());
        } else if (change instanceof DataChange.RecordRemoved r) {
            return List.of(r.key());
        } else if (change instanceof DataChange.EventAppended e) {
            return List.of(e.event().record());
        } else if (change instanceof DataChange.AssociationAdded a) {
            return List.of(a.association().from(), a.association().to());
        } else if (change instanceof DataChange.AssociationRemoved a) {
            return List.of(a.association().from(), a.association().to());
        } else if (change instanceof DataChange.ListMembershipAdded m) {
            return List.of(m.membership().record());
        } else {
            return List.of(((DataChange.ListMembershipRemoved) change).membership().record());
        }
    }
}
