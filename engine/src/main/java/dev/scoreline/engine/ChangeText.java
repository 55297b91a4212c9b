package dev.scoreline.engine;

import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link DataChange} says in a history entry's cause, and which records it touches directly:
 * one wording for live updates and for runs that re-score what a change feed reported.
 */
public final class ChangeText {

    /** The cause of a record re-scored because its next change came (a decay step, a timeframe edge). */
    public static final String TIME_MOVED = "time: decay or timeframe moved";

    private ChangeText() {
    }

    /**
     * The update a re-score at {@code at} gives a record's score: {@code after} with what it had
     * before, when its value, status or a group changed (the cause then names the groups that
     * moved); a left-scope update when it had a value and has none now; null when nothing changed.
     * Live scoring and the Flink streaming job decide it here, so both emit the same updates.
     */
    public static ScoreUpdate update(ScoreResult before, ScoreResult after, Instant at, String cause) {
        if (after != null && changed(before, after)) {
            return new ScoreUpdate(after, before == null ? null : before.value(),
                    before == null ? null : before.status(), at, cause + groupChanges(before, after));
        }
        if (before != null && after == null) {
            return leftScope(before, at, cause);
        }
        return null;
    }

    /** The update of a score a record had a value of and no longer has (it left scope, or was removed). */
    public static ScoreUpdate leftScope(ScoreResult before, Instant at, String cause) {
        return ScoreUpdate.leftScope(before.score(), before.record(), before.properties(), before.value(),
                before.status(), at, cause);
    }

    private static boolean changed(ScoreResult a, ScoreResult b) {
        if (a == null || b == null) {
            return a != b;
        }
        return a.value().compareTo(b.value()) != 0 || !a.status().equals(b.status()) || !a.groups().equals(b.groups());
    }

    private static String groupChanges(ScoreResult before, ScoreResult after) {
        if (before == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        after.groups().forEach((g, v) -> {
            BigDecimal old = before.groups().get(g);
            if (old == null || old.compareTo(v) != 0) {
                sb.append(sb.length() == 0 ? "; " : ", ").append(g).append(' ')
                        .append(old == null ? "-" : old.toPlainString()).append(" -> ").append(v.toPlainString());
            }
        });
        return sb.toString();
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
