package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.store.internal.CurrentRow;
import dev.scoreline.store.internal.CurrentValueWrites;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.StoreConnection.RowBatch;
import dev.scoreline.store.internal.Values;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of one score being applied ({@link RunLedger#begin}): results are pushed with
 * {@link #accept}, compared and committed a batch at a time, and {@link #finish} removes the
 * records the run did not see and reports the diff. Not reusable after the finish.
 */
public final class ScoreApplication implements Consumer<ScoreResult> {

    /** A result waiting for its batch, with the instant its value can next change with time alone. */
    private record Pending(ScoreResult result, Instant nextChange) { }

    /** What an earlier, interrupted attempt of this run wrote for a record: the change it recorded. */
    private record EarlierChange(BigDecimal oldValue, String oldStatus, String cause) { }

    /** The statements one batch writes with. */
    private record BatchStatements(CurrentValueWrites writes, RowBatch touch, RowBatch updateHistory) {
        void execute() throws SQLException {
            writes.execute();
            updateHistory.execute();
            touch.execute();
        }
    }

    private final StoreConnection db;
    private final String score;
    private final Instant at;
    private final String runId;
    private final Function<ScoreResult, String> cause;
    private final Function<RecordKey, String> removedCause;
    private final Consumer<ScoreDiff.Batch> listener;
    /** Where each batch's changes are logged for the sinks (null: not logged). */
    private final DeliveryLog.Journal journal;
    private final Map<String, Long> before;
    private final boolean resumed;
    /** Results not committed yet, by record key, each with its next-change instant (null: none). */
    private final LinkedHashMap<String, Pending> buffer = new LinkedHashMap<>();
    /** Whether some result came without its next-change instant: then no feed position is kept. */
    private boolean untimed;
    /** The records this run re-scores; null when it scores every record. */
    private Set<RecordKey> scope;
    /**
     * The records that got a result in this attempt. The others of the scope (of the whole score
     * for a full run) left it: the finish removes them. A full run keeps them here instead of
     * marking every unchanged record seen in the store (a write per record, most of a full run
     * that changes nothing on H2).
     */
    private final Set<RecordKey> scored = new HashSet<>();
    private final List<ScoreUpdate> changes = new ArrayList<>();
    private final List<HistoryEntry> removals = new ArrayList<>();
    private long results;
    private long changed;
    private long recovered;
    private long removed;
    private int batches;
    private boolean done;
    /**
     * Whether this full, first attempt found the score without any value (null: not asked yet).
     * Then its records need no lookup and its finish nothing to sweep.
     */
    private Boolean startedEmpty;
    private RuntimeException failed;

    ScoreApplication(StoreConnection db, String score, Instant at, String runId, Function<ScoreResult, String> cause,
                     Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener,
                     DeliveryLog.Journal journal, Map<String, Long> before, boolean resumed) {
        this.db = db;
        this.score = score;
        this.at = at;
        this.runId = runId;
        this.cause = cause;
        this.removedCause = removedCause;
        this.listener = listener;
        this.journal = journal;
        this.before = before;
        this.resumed = resumed;
    }

    /** The time of the run (the first attempt's when resumed). */
    public Instant at() {
        return at;
    }

    public boolean resumed() {
        return resumed;
    }

    /**
     * Adds one result; every {@link ScoreStore#batchSize} results are compared and committed. Its
     * next-change instant is unknown, so the score's feed position is dropped at the finish: the
     * next run scores every record.
     */
    @Override
    public void accept(ScoreResult r) {
        synchronized (db) {
            untimed = true;
            add(r, null);
        }
    }

    /**
     * Adds one result with the instant its value can next change with time alone (null: it
     * cannot), kept with the current value: a later run re-scores the record once that instant
     * has come ({@link RunLedger#dueRecords}).
     */
    public void accept(ScoreResult r, Instant nextChange) {
        synchronized (db) {
            add(r, nextChange);
        }
    }

    /**
     * Makes this a run that re-scores only {@code records} (what changed or fell due), not the
     * whole scope: the finish then removes only those of them that got no result (they left the
     * scope), and every other record keeps its current value. Call before the first result.
     */
    public ScoreApplication onlyRecords(Collection<RecordKey> records) {
        synchronized (db) {
            usable();
            if (results > 0 || !buffer.isEmpty()) {
                throw new IllegalStateException("onlyRecords must come before the first result");
            }
            this.scope = new HashSet<>(records);
            return this;
        }
    }

    /**
     * Commits what is buffered, removes the records the run did not see (they left the scope)
     * and marks the run done. The score's feed position is dropped: the next run scores
     * everything.
     */
    public ScoreDiff finish() {
        return finish(null);
    }

    /**
     * As {@link #finish()}, and keeps {@code position} (null: none) as where this run left the
     * adapter's change feed, in the same transaction that marks the run done. It is kept only
     * when every result came with its next-change instant; otherwise the position is dropped.
     */
    public ScoreDiff finish(FeedPosition position) {
        synchronized (db) {
            usable();
            flush();
            try {
                sweep();
                Map<String, Long> after = db.tx(() -> markDone(position));
                done = true;
                return new ScoreDiff(score, runId, at, changes, removals, results, changed, recovered, removed,
                        before, after, resumed);
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------ batches

    private void add(ScoreResult r, Instant nextChange) {
        usable();
        if (!score.equals(r.score())) {
            throw new IllegalArgumentException("a result of \"" + r.score() + "\" given to the run of \"" + score + "\"");
        }
        String key = r.record().toString();
        buffer.put(key, new Pending(r, nextChange));
        if (buffer.size() >= db.batchSize()) {
            flush();
        }
    }

    private void usable() {
        if (done) {
            throw new IllegalStateException("run " + runId + " of \"" + score + "\" is finished");
        }
        if (failed != null) {
            throw new IllegalStateException("run " + runId + " of \"" + score + "\" failed (" + failed.getMessage()
                    + "); apply it again with the same run id to resume it", failed);
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<Pending> batch = new ArrayList<>(buffer.values());
        buffer.clear();
        startedEmpty();
        // Before the transaction: one retried after a lost connection counts the same.
        for (Pending p : batch) {
            scored.add(p.result().record());
        }
        try {
            ScoreDiff.Batch b = db.tx(() -> writeBatch(batch));
            results += batch.size();
            changed += b.changes().size();
            recovered += b.recovered();
            deliver(b);
        } catch (RuntimeException e) {
            failed = e;
            throw e;
        }
    }

    private void deliver(ScoreDiff.Batch b) {
        if (b.changes().isEmpty() && b.removals().isEmpty()) {
            return;
        }
        if (listener != null) {
            listener.accept(b);
        } else {
            changes.addAll(b.changes());
            removals.addAll(b.removals());
        }
    }

    /** Compares a batch with the current values, writes what changed and the run's progress. */
    private ScoreDiff.Batch writeBatch(List<Pending> batch) throws SQLException {
        List<String> keys = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            keys.add(p.result().record().toString());
        }
        // A run gives a record once (its history's unique key holds it to that), so a first run has nothing to look up.
        Map<String, CurrentRow> current = startedEmpty ? Map.of() : CurrentValueWrites.lookup(db, score, keys);
        Map<String, EarlierChange> earlier = resumed ? earlierChanges(keys) : Map.of();
        Instant now = db.now();
        List<ScoreUpdate> out = new ArrayList<>();
        int recoveredHere = 0;
        long changedHere = 0;
        long firstSeen = 0;
        try (CurrentValueWrites writes = CurrentValueWrites.prepare(db);
             RowBatch touch = db.updateRows("sl_current", List.of("seen_run", "next_change"),
                     List.of("score_name", "record_key"));
             RowBatch updateHistory = db.batch("UPDATE sl_history SET new_value = ?, new_status = ?, cause = ? "
                     + "WHERE run_id = ? AND score_name = ? AND record_key = ?")) {
            BatchStatements statements = new BatchStatements(writes, touch, updateHistory);
            for (Pending p : batch) {
                String key = p.result().record().toString();
                CurrentRow cur = current.get(key);
                if (scope != null && (cur == null || !runId.equals(cur.seenRun()))) {
                    // A run of some records skips what an earlier attempt marked seen (a full run's count
                    // is the records it scored, below).
                    firstSeen++;
                }
                switch (write(p, cur, earlier.get(key), now, statements, out)) {
                    case CHANGED -> changedHere++;
                    case RECOVERED -> recoveredHere++;
                    case SAME -> { }
                }
            }
            statements.execute();
        }
        int number = ++batches;
        // A full run's count is this attempt's (it gives every result again when resumed).
        db.update("UPDATE sl_run SET batches = batches + 1, last_key = ?, results = "
                + (scope == null ? "?" : "results + ?") + ", changed = changed + ? WHERE run_id = ? AND score_name = ?",
                keys.get(keys.size() - 1), scope == null ? scored.size() : firstSeen, changedHere, runId, score);
        long logged = DeliveryLog.log(db, journal, runId, out);
        return new ScoreDiff.Batch(score, runId, number, out, recoveredHere, List.of(), logged);
    }

    /** What writing one result did. */
    private enum Written { SAME, CHANGED, RECOVERED }

    /**
     * Writes one result against the record's current value; adds its change to {@code out}. A
     * change an earlier attempt of this run had committed is {@code RECOVERED}: with a journal it
     * is not given again unless its value moved since (the delivery log holds what the sinks had
     * not acknowledged); without one it is given again, so a sink gets it at least once.
     */
    private Written write(Pending p, CurrentRow cur, EarlierChange prior, Instant now, BatchStatements s,
                          List<ScoreUpdate> out) throws SQLException {
        ScoreResult r = p.result();
        String key = r.record().toString();
        BigDecimal value = Values.storable(r.value());
        boolean same = cur != null && cur.holds(value, r.status());
        Instant nextChange = p.nextChange();
        // An unchanged record gets its new next-change instant; a run of some records also marks it seen.
        if (same && (scope != null && !runId.equals(cur.seenRun()) || !Objects.equals(cur.nextChange(), nextChange))) {
            s.touch().add(runId, nextChange, score, key);
        }
        if (prior != null) {
            // An earlier attempt of this run changed the record and committed it.
            String why = prior.cause();
            if (!same) {
                why = Values.cut(cause.apply(r));
                s.writes().setCurrent(cur != null, score, key, value, r.status(), now, runId, nextChange);
                s.updateHistory().add(value, r.status(), why, runId, score, key);
            }
            if (journal == null || !same) {
                out.add(new ScoreUpdate(r, prior.oldValue(), prior.oldStatus(), at, why));
            }
            return Written.RECOVERED;
        }
        if (!same) {
            String why = Values.cut(cause.apply(r));
            s.writes().setCurrent(cur != null, score, key, value, r.status(), now, runId, nextChange);
            s.writes().addHistory(score, key, at, runId, cur, value, r.status(), why, now);
            out.add(new ScoreUpdate(r, cur == null ? null : cur.value(), cur == null ? null : cur.status(), at, why));
            return Written.CHANGED;
        }
        return Written.SAME;
    }

    /** The changes an earlier attempt of this run committed for these records, by key. */
    private Map<String, EarlierChange> earlierChanges(List<String> keys) throws SQLException {
        Map<String, EarlierChange> out = new HashMap<>();
        db.inChunks("SELECT record_key, old_value, old_status, cause FROM sl_history "
                        + "WHERE score_name = ? AND run_id = ? AND record_key IN ", List.of(score, runId), keys,
                rs -> out.put(rs.getString(1), new EarlierChange(Values.readable(rs.getBigDecimal(2)), rs.getString(3),
                        rs.getString(4))));
        return out;
    }

    // ------------------------------------------------------------------ the finish

    /**
     * Removes, a batch at a time, the records the run did not score: they left the scope. A full
     * run reads the score's records page by page, in the database's key order, and removes those
     * it gave no result; a run of {@link #onlyRecords} looks only among its records.
     */
    private void sweep() {
        if (startedEmpty()) {
            return; // everything in the store now is what this run gave
        }
        int size = db.batchSize();
        if (scope != null) {
            List<String> unscored = new ArrayList<>();
            for (RecordKey k : scope) {
                if (!scored.contains(k)) {
                    unscored.add(k.toString());
                }
            }
            Collections.sort(unscored);
            for (int from = 0; from < unscored.size(); from += size) {
                List<String> slice = unscored.subList(from, Math.min(unscored.size(), from + size));
                delivered(db.tx(() -> removeAmong(slice)));
            }
            return;
        }
        for (String after = ""; after != null; ) {
            String from = after;
            SweptPage page = db.tx(() -> removeUnscoredAfter(from, size));
            delivered(page.removed());
            after = page.next();
        }
    }

    /**
     * Asked once, before the first batch (or the finish, for a run without results), outside any
     * transaction: the store lock keeps other runs from writing the score meanwhile.
     */
    private boolean startedEmpty() {
        if (startedEmpty == null) {
            startedEmpty = scope == null && !resumed && db.tx(() -> db.queryOne("SELECT 1 FROM sl_current "
                    + "WHERE score_name = ? FETCH FIRST 1 ROWS ONLY", rs -> 1, score)).isEmpty();
        }
        return startedEmpty;
    }

    /** One page of a full run's sweep: what it removed (null: nothing), and the last key read (null: the end). */
    private record SweptPage(ScoreDiff.Batch removed, String next) { }

    private void delivered(ScoreDiff.Batch b) {
        if (b != null) {
            removed += b.removals().size();
            deliver(b);
        }
    }

    /** Removes those of {@code slice} (a run's own records) that no attempt of this run marked seen. */
    private ScoreDiff.Batch removeAmong(List<String> slice) throws SQLException {
        List<HistoryEntry> gone = new ArrayList<>();
        db.inChunks("SELECT record_key, score_value, status FROM sl_current WHERE score_name = ? AND seen_run <> ? "
                + "AND record_key IN ", List.of(score, runId), slice, rs -> gone.add(leaving(rs)));
        return remove(gone);
    }

    /** Reads the score's next {@code size} records after {@code after} and removes those this run did not score. */
    private SweptPage removeUnscoredAfter(String after, int size) throws SQLException {
        List<HistoryEntry> gone = new ArrayList<>();
        String[] last = {null};
        int[] read = {0};
        db.each("SELECT record_key, score_value, status FROM sl_current WHERE score_name = ? AND record_key > ? "
                + "ORDER BY record_key FETCH FIRST " + size + " ROWS ONLY", rs -> {
                    read[0]++;
                    last[0] = rs.getString(1);
                    if (!scored.contains(RecordKey.parse(last[0]))) {
                        gone.add(leaving(rs));
                    }
                }, score, after);
        return new SweptPage(remove(gone), read[0] < size ? null : last[0]);
    }

    /** The history entry of a record leaving the scope, from its current row. */
    private HistoryEntry leaving(java.sql.ResultSet rs) throws SQLException {
        RecordKey key = RecordKey.parse(rs.getString(1));
        return new HistoryEntry(score, key, at, runId, Values.readable(rs.getBigDecimal(2)), rs.getString(3),
                null, null, Values.cut(removedCause.apply(key)));
    }

    /** Writes the removals (their history, the rows gone, the run's count, the delivery log); null when none. */
    private ScoreDiff.Batch remove(List<HistoryEntry> gone) throws SQLException {
        if (gone.isEmpty()) {
            return null;
        }
        Instant now = db.now();
        try (CurrentValueWrites history = CurrentValueWrites.prepare(db);
             RowBatch delete = db.batch("DELETE FROM sl_current WHERE score_name = ? AND record_key = ?")) {
            for (HistoryEntry h : gone) {
                history.addHistory(score, h.record().toString(), at, runId, h.oldValue(), h.oldStatus(), null, null,
                        h.cause(), now);
                delete.add(score, h.record().toString());
            }
            history.execute();
            delete.execute();
        }
        db.update("UPDATE sl_run SET removed = removed + ? WHERE run_id = ? AND score_name = ?", (long) gone.size(), runId, score);
        ScoreDiff.Batch b = new ScoreDiff.Batch(score, runId, ++batches, List.of(), 0, gone, 0);
        // Logged in the same transaction as the removal: a sink that missed it is re-sent it.
        long logged = DeliveryLog.log(db, journal, runId, b.updates());
        return new ScoreDiff.Batch(score, runId, b.number(), List.of(), 0, gone, logged);
    }

    /** Keeps the feed position, the status counts after the run, and marks the run done; returns the counts. */
    private Map<String, Long> markDone(FeedPosition position) throws SQLException {
        db.update("DELETE FROM sl_feed WHERE score_name = ?", score);
        if (position != null && !untimed) {
            db.update("INSERT INTO sl_feed (score_name, adapter, watermark, definition_hash, scored_at, run_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", score, position.adapter(), position.watermark(),
                    position.definitionHash(), position.at(), position.runId());
        }
        Map<String, Long> counts = ScoreHistory.statusCounts(db, score);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (db.update("UPDATE sl_run_status SET after_count = ? WHERE run_id = ? AND score_name = ? AND status = ?",
                    e.getValue(), runId, score, e.getKey()) == 0) {
                db.update("INSERT INTO sl_run_status (run_id, score_name, status, before_count, after_count) "
                        + "VALUES (?, ?, ?, 0, ?)", runId, score, e.getKey(), e.getValue());
            }
        }
        db.update("UPDATE sl_run_status SET after_count = 0 WHERE run_id = ? AND score_name = ? AND after_count IS NULL",
                runId, score);
        db.update("UPDATE sl_run SET state = 'done', finished_at = ? WHERE run_id = ? AND score_name = ?",
                db.now(), runId, score);
        db.update("UPDATE sl_run SET state = 'superseded' WHERE score_name = ? AND state = 'running' AND run_id <> ?",
                score, runId);
        db.update("UPDATE sl_score SET applied_version = active_version WHERE name = ? AND state = 'active'", score);
        return counts;
    }
}
