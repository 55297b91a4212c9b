package dev.scoreline.store.internal;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live path: updates computed incrementally (a followed change feed) written as current values
 * and history in one transaction; see {@link dev.scoreline.store.ScoreStore#record}.
 */
public final class LiveRecords {

    private LiveRecords() { }

    /**
     * Writes one transaction's recorded updates to the delivery log inside that transaction;
     * returns the batch's seq in the log (0: not logged).
     */
    @FunctionalInterface
    public interface Journaling {
        long log(List<ScoreUpdate> recorded) throws SQLException;
    }

    /** Hears of each committed transaction's recorded updates, with their seq in the delivery log. */
    @FunctionalInterface
    public interface Committed {
        void accept(List<ScoreUpdate> recorded, long logged);
    }

    /**
     * Records the updates as run {@code runId}, a transaction per batch of the store's batch size
     * (after collapsing), each batch's log entry written in its transaction and handed to
     * {@code committed} right after its commit, so at most one batch is in flight to the sinks at
     * any time; returns what was recorded, in the order given, each with the store's previous value.
     */
    public static List<ScoreUpdate> record(StoreConnection db, String runId, List<ScoreUpdate> updates,
                                           Journaling journaling, Committed committed) {
        Values.runId(runId);
        List<ScoreUpdate> collapsed = new ArrayList<>(collapse(updates).values());
        List<ScoreUpdate> out = new ArrayList<>();
        int size = db.batchSize();
        for (int i = 0; i < collapsed.size(); i += size) {
            List<ScoreUpdate> chunk = collapsed.subList(i, Math.min(collapsed.size(), i + size));
            long[] logged = {0};
            List<ScoreUpdate> recorded = db.tx(() -> {
                List<ScoreUpdate> written = write(db, runId, chunk);
                logged[0] = journaling.log(written);
                return written;
            });
            if (!recorded.isEmpty()) {
                committed.accept(recorded, logged[0]);
            }
            out.addAll(recorded);
        }
        return out;
    }

    /** Writes one batch's changes inside the caller's transaction; returns what changed. */
    private static List<ScoreUpdate> write(StoreConnection db, String runId, List<ScoreUpdate> chunk) throws SQLException {
        // The current values of the updated records, one lookup per score.
        Map<String, List<String>> keysByScore = new LinkedHashMap<>();
        for (ScoreUpdate u : chunk) {
            keysByScore.computeIfAbsent(u.result().score(), k -> new ArrayList<>()).add(u.result().record().toString());
        }
        Map<String, CurrentRow> current = new HashMap<>();
        for (Map.Entry<String, List<String>> e : keysByScore.entrySet()) {
            CurrentValueWrites.lookup(db, e.getKey(), e.getValue()).forEach((key, row) -> current.put(e.getKey() + '\u0000' + key, row));
        }
        Instant now = db.now();
        List<ScoreUpdate> out = new ArrayList<>();
        try (CurrentValueWrites writes = CurrentValueWrites.prepare(db)) {
            for (ScoreUpdate u : chunk) {
                ScoreResult r = u.result();
                CurrentRow cur = current.get(r.score() + '\u0000' + r.record());
                if (u.leftScope()) {
                    leave(db, runId, cur, u, now).ifPresent(out::add);
                    continue;
                }
                BigDecimal value = Values.storable(r.value());
                if (cur != null && cur.holds(value, r.status())) {
                    continue;
                }
                String key = r.record().toString();
                String why = Values.cut(u.cause());
                writes.setCurrent(cur != null, r.score(), key, value, r.status(), now, runId, null);
                writes.addHistory(r.score(), key, u.at(), runId, cur, value, r.status(), why, now);
                // The store's old value is the truth a sink compares with.
                out.add(new ScoreUpdate(r, cur == null ? null : cur.value(), cur == null ? null : cur.status(), u.at(), why));
            }
            writes.execute();
        }
        // These values were computed outside a run that keeps next-change instants and a feed
        // position, so the next run of these scores must score everything again.
        db.update("DELETE FROM sl_feed WHERE score_name IN " + StoreConnection.placeholders(keysByScore.size()),
                keysByScore.keySet().toArray());
        return out;
    }

    /**
     * A record that left the score's scope: its current value goes, with a history entry of no new
     * value; the update sinks get has the store's previous value. None when the store held no value.
     */
    private static java.util.Optional<ScoreUpdate> leave(StoreConnection db, String runId, CurrentRow cur, ScoreUpdate u,
                                                         Instant now) throws SQLException {
        if (cur == null) {
            return java.util.Optional.empty();
        }
        ScoreResult r = u.result();
        String why = Values.cut(u.cause());
        db.update("INSERT INTO sl_history (score_name, record_key, scored_at, run_id, old_value, old_status, new_value, "
                + "new_status, cause, recorded_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)", r.score(),
                r.record().toString(), u.at(), runId, Values.storable(cur.value()), cur.status(), why, now);
        db.update("DELETE FROM sl_current WHERE score_name = ? AND record_key = ?", r.score(), r.record().toString());
        return java.util.Optional.of(new ScoreUpdate(r, cur.value(), cur.status(), u.at(), why));
    }

    /**
     * Several updates of the same (score, record) collapse into one — the first one's previous
     * value, the last one's result, every cause — because a run changes a record at most once.
     */
    private static LinkedHashMap<String, ScoreUpdate> collapse(List<ScoreUpdate> updates) {
        LinkedHashMap<String, ScoreUpdate> collapsed = new LinkedHashMap<>();
        for (ScoreUpdate u : updates) {
            String k = u.result().score() + '\u0000' + u.result().record();
            ScoreUpdate first = collapsed.get(k);
            collapsed.put(k, first == null ? u : new ScoreUpdate(u.result(), first.previousValue(), first.previousStatus(),
                    u.at(), first.cause() + "; " + u.cause()));
        }
        return collapsed;
    }
}
