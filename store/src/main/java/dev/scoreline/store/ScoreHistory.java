package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the store knows of scored records: the current value of every (score, record), the history
 * of every change, the monthly trend drawn from it, and how many records hold each status. Get it
 * from {@link ScoreStore#history()}.
 */
public final class ScoreHistory {

    private static final String HISTORY_SELECT = "SELECT score_name, record_key, scored_at, run_id, old_value, old_status, "
            + "new_value, new_status, cause FROM sl_history";

    private final StoreConnection db;

    ScoreHistory(StoreConnection db) {
        this.db = db;
    }

    public Optional<CurrentValue> current(String score, RecordKey record) {
        return db.tx(() -> db.queryOne("SELECT score_value, status, updated_at FROM sl_current "
                        + "WHERE score_name = ? AND record_key = ?",
                rs -> new CurrentValue(score, record, Values.readable(rs.getBigDecimal(1)), rs.getString(2),
                        Values.instant(rs, 3)), score, record.toString()));
    }

    /** How many records of the score hold each status now. */
    public Map<String, Long> statusCounts(String score) {
        return db.tx(() -> statusCounts(db, score));
    }

    /** Every change of the record, by score name then time (all scores when {@code score} is empty). */
    public List<HistoryEntry> history(RecordKey record, Optional<String> score) {
        String sql = HISTORY_SELECT + " WHERE record_key = ?" + (score.isPresent() ? " AND score_name = ?" : "")
                + " ORDER BY score_name, scored_at, id";
        Object[] args = score.isPresent() ? new Object[] {record.toString(), score.get()} : new Object[] {record.toString()};
        return db.tx(() -> db.query(sql, ScoreHistory::entry, args));
    }

    /** Every change a run made, by score name then record key. */
    public List<HistoryEntry> historyOfRun(String runId) {
        return db.tx(() -> db.query(HISTORY_SELECT + " WHERE run_id = ? ORDER BY score_name, record_key",
                ScoreHistory::entry, runId));
    }

    /** The record's monthly trend per score (the value at the end of each month), by score name. */
    public Map<String, List<MonthlyValue>> monthlyTrend(RecordKey record, Optional<String> score) {
        Map<String, List<HistoryEntry>> byScore = new TreeMap<>();
        for (HistoryEntry h : history(record, score)) {
            byScore.computeIfAbsent(h.score(), k -> new ArrayList<>()).add(h);
        }
        Map<String, List<MonthlyValue>> out = new LinkedHashMap<>();
        byScore.forEach((s, entries) -> out.put(s, monthlyTrend(entries)));
        return out;
    }

    /**
     * The value at the end of each month (UTC), from the month of the first change to the month of
     * the last, given the history of one record for one score in time order. A month without a
     * change carries the value of the month before.
     */
    public static List<MonthlyValue> monthlyTrend(List<HistoryEntry> entries) {
        TreeMap<YearMonth, HistoryEntry> last = new TreeMap<>();
        for (HistoryEntry h : entries) {
            last.put(YearMonth.from(h.at().atOffset(ZoneOffset.UTC)), h);
        }
        List<MonthlyValue> out = new ArrayList<>();
        if (last.isEmpty()) {
            return out;
        }
        HistoryEntry carried = null;
        for (YearMonth m = last.firstKey(); !m.isAfter(last.lastKey()); m = m.plusMonths(1)) {
            HistoryEntry h = last.get(m);
            if (h != null) {
                carried = h;
            }
            out.add(new MonthlyValue(m, carried.newValue(), carried.newStatus()));
        }
        return out;
    }

    /** Records per status of a score, inside the caller's transaction. */
    static Map<String, Long> statusCounts(StoreConnection db, String score) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        db.each("SELECT status, COUNT(*) FROM sl_current WHERE score_name = ? GROUP BY status",
                rs -> out.put(rs.getString(1), rs.getLong(2)), score);
        return out;
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        return new HistoryEntry(rs.getString(1), RecordKey.parse(rs.getString(2)), Values.instant(rs, 3), rs.getString(4),
                Values.readable(rs.getBigDecimal(5)), rs.getString(6), Values.readable(rs.getBigDecimal(7)), rs.getString(8),
                rs.getString(9));
    }
}
