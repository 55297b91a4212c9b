package dev.scoreline.store;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.store.internal.StoreConnection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the sinks are owed ({@link ScoreStore#deliveries()}): each committed batch of changes a run
 * delivers is also written to the log, in the same transaction, as owed to every sink of the run;
 * a sink acknowledges a batch once it has it (taken and flushed, or kept in its outbox). After a
 * crash the next run re-sends each sink only the batches it had not acknowledged, which is at most
 * the one that was in flight, instead of everything the interrupted attempt had committed. A batch
 * no sink owes any more is deleted, so the log holds only what is in flight.
 */
public final class DeliveryLog {

    /** One logged batch: its place in the log, the run that wrote it, and its updates as encoded. */
    public record Entry(long seq, String runId, int updates, String payload) { }

    /**
     * How a run writes its batches to the log: the sinks they are owed to, and how a batch of
     * updates becomes text (the host's codec; the store keeps the text and gives it back as is).
     */
    public record Journal(List<String> sinks, Function<List<ScoreUpdate>, String> encoder) {
        public Journal {
            sinks = List.copyOf(sinks);
            Objects.requireNonNull(encoder, "encoder");
        }
    }

    private final StoreConnection db;

    DeliveryLog(StoreConnection db) {
        this.db = db;
    }

    /**
     * Writes a batch of a run to the log, inside the caller's transaction; returns its seq, or 0
     * when nothing is logged (no updates, or no sinks).
     */
    static long log(StoreConnection db, Journal journal, String runId, List<ScoreUpdate> updates) throws SQLException {
        if (journal == null || updates.isEmpty() || journal.sinks().isEmpty()) {
            return 0;
        }
        long seq = db.count("SELECT COALESCE(MAX(seq), 0) + 1 FROM sl_delivery");
        db.update("INSERT INTO sl_delivery (seq, run_id, updates, payload, recorded_at) VALUES (?, ?, ?, ?, ?)",
                seq, runId, updates.size(), journal.encoder().apply(updates), db.now());
        for (String sink : journal.sinks()) {
            db.update("INSERT INTO sl_delivery_owed (sink_name, seq) VALUES (?, ?)", sink, seq);
        }
        return seq;
    }

    /** The batches {@code sink} has not acknowledged, oldest first: what it is re-sent after a crash. */
    public List<Entry> owed(String sink) {
        return db.tx(() -> db.query("SELECT d.seq, d.run_id, d.updates, d.payload FROM sl_delivery d "
                        + "JOIN sl_delivery_owed o ON o.seq = d.seq WHERE o.sink_name = ? ORDER BY d.seq",
                rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), sink));
    }

    /** How many updates {@code sink} is owed (what it would be re-sent). */
    public long owedUpdates(String sink) {
        return db.tx(() -> db.count("SELECT COALESCE(SUM(d.updates), 0) FROM sl_delivery d "
                + "JOIN sl_delivery_owed o ON o.seq = d.seq WHERE o.sink_name = ?", sink));
    }

    /**
     * Records that each of {@code sinks} has every batch up to {@code seq}, in one transaction, and
     * deletes the batches no sink owes any more.
     */
    public void acknowledge(Collection<String> sinks, long seq) {
        if (sinks.isEmpty() || seq <= 0) {
            return;
        }
        db.tx(() -> {
            for (String sink : sinks) {
                db.update("DELETE FROM sl_delivery_owed WHERE sink_name = ? AND seq <= ?", sink, seq);
            }
            return db.update("DELETE FROM sl_delivery WHERE seq <= ? AND NOT EXISTS "
                    + "(SELECT 1 FROM sl_delivery_owed o WHERE o.seq = sl_delivery.seq)", seq);
        });
    }
}
