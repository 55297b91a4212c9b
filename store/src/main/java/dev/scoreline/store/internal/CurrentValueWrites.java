package dev.scoreline.store.internal;

import dev.scoreline.store.internal.StoreConnection.RowBatch;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes a change of a record's value makes, batched: its current value (inserted or
 * updated) and one history entry. Runs and live updates both write through it.
 */
public final class CurrentValueWrites implements AutoCloseable {

    /** The columns of a current value, in the order {@link #setCurrent} gives them for an insert. */
    private static final String[] CURRENT = {"score_name", "record_key", "score_value", "status", "updated_at",
        "seen_run", "next_change"};
    private static final List<String> CURRENT_SET = List.of("score_value", "status", "updated_at", "seen_run",
            "next_change");
    private static final List<String> CURRENT_KEY = List.of("score_name", "record_key");
    private static final String[] HISTORY = {"score_name", "record_key", "scored_at", "run_id", "old_value",
        "old_status", "new_value", "new_status", "cause", "recorded_at"};

    private final RowBatch insertCurrent;
    private final RowBatch updateCurrent;
    private final RowBatch insertHistory;

    private CurrentValueWrites(RowBatch insertCurrent, RowBatch updateCurrent, RowBatch insertHistory) {
        this.insertCurrent = insertCurrent;
        this.updateCurrent = updateCurrent;
        this.insertHistory = insertHistory;
    }

    public static CurrentValueWrites prepare(StoreConnection c) throws SQLException {
        List<RowBatch> made = new ArrayList<>(3);
        try {
            made.add(c.insertRows("sl_current", CURRENT));
            made.add(c.updateRows("sl_current", CURRENT_SET, CURRENT_KEY));
            made.add(c.insertRows("sl_history", HISTORY));
            return new CurrentValueWrites(made.get(0), made.get(1), made.get(2));
        } catch (SQLException | RuntimeException e) {
            for (RowBatch b : made) {
                try {
                    b.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * The current values of these records of a score, by key. Values come as people read them;
     * compare them with {@link CurrentRow#holds}.
     */
    public static Map<String, CurrentRow> lookup(StoreConnection c, String score, List<String> keys) throws SQLException {
        Map<String, CurrentRow> out = new HashMap<>();
        c.inChunks("SELECT record_key, score_value, status, seen_run, next_change FROM sl_current "
                + "WHERE score_name = ? AND record_key IN ", List.of(score), keys,
                rs -> out.put(rs.getString(1), new CurrentRow(Values.readable(rs.getBigDecimal(2)), rs.getString(3),
                        rs.getString(4), Values.instant(rs, 5))));
        return out;
    }

    /** Sets a record's current value: an insert when it has none ({@code exists} false), else an update. */
    public void setCurrent(boolean exists, String score, String key, BigDecimal value, String status, Instant now,
                           String runId, Instant nextChange) throws SQLException {
        if (exists) {
            updateCurrent.add(value, status, now, runId, nextChange, score, key);
        } else {
            insertCurrent.add(score, key, value, status, now, runId, nextChange);
        }
    }

    /** Adds a history entry: the change of a record from {@code old} to the new value at {@code at}. */
    public void addHistory(String score, String key, Instant at, String runId, CurrentRow old, BigDecimal value,
                           String status, String cause, Instant now) throws SQLException {
        addHistory(score, key, at, runId, old == null ? null : old.value(), old == null ? null : old.status(),
                value, status, cause, now);
    }

    /** Adds a history entry from an old value and status (null: none) to a new one (null: it left the scope). */
    public void addHistory(String score, String key, Instant at, String runId, BigDecimal oldValue, String oldStatus,
                           BigDecimal value, String status, String cause, Instant now) throws SQLException {
        insertHistory.add(score, key, at, runId, oldValue, oldStatus, value, status, cause, now);
    }

    /** Runs every write added, current values first. */
    public void execute() throws SQLException {
        insertCurrent.execute();
        updateCurrent.execute();
        insertHistory.execute();
    }

    @Override
    public void close() throws SQLException {
        try (insertCurrent; updateCurrent; insertHistory) {
            // Closed in reverse order by try-with-resources.
        }
    }
}
