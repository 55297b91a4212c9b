package dev.scoreline.store.internal;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import java.math.BigDecimal;
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
     * Records the updates as run {@code runId}; returns what was recorded, in the order given, each
     * with the store's previous value.
     */
    public static List<ScoreUpdate> record(StoreConnection db, String runId, List<ScoreUpdate> updates) {
        Values.runId(runId);
        LinkedHashMap<String, ScoreUpdate> collapsed = collapse(updates);
        if (collapsed.isEmpty()) {
            return List.of();
        }
        // The current values of the updated records, one lookup per score.
        Map<String, List<String>> keysByScore = new LinkedHashMap<>();
        for (ScoreUpdate u : collapsed.values()) {
            keysByScore.computeIfAbsent(u.result().score(), k -> new ArrayList<>()).add(u.result().record().toString());
        }
        return db.tx(() -> {
            Map<String, CurrentRow> current = new HashMap<>();
            for (Map.Entry<String, List<String>> e : keysByScore.entrySet()) {
                CurrentValueWrites.lookup(db, e.getKey(), e.getValue()).forEach((key, row) -> current.put(e.getKey() + '\u0000' + key, row));
            }
            Instant now = db.now();
            List<ScoreUpdate> out = new ArrayList<>();
            try (CurrentValueWrites writes = CurrentValueWrites.prepare(db)) {
                for (Map.Entry<String, ScoreUpdate> entry : collapsed.entrySet()) {
                    ScoreUpdate u = entry.getValue();
                    ScoreResult r = u.result();
                    if (u.leftScope()) {
                        leave(db, runId, current.get(entry.getKey()), u, now).ifPresent(out::add);
                        continue;
                    }
                    BigDecimal value = Values.storable(r.value());
                    CurrentRow cur = current.get(entry.getKey());
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
        });
    }

    /**
     * A record that left the score's scope: its current value goes, with a history entry of no new
     * value; the update sinks get has the store's previous value. None when the store held no value.
     */
    private static java.util.Optional<ScoreUpdate> leave(StoreConnection db, String runId, CurrentRow cur, ScoreUpdate u,
                                                         Instant now) throws java.sql.SQLException {
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
