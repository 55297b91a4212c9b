package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The runs: applying a run's results (with resume after a crash), the runs recorded and those left
 * unfinished, where each score's last run left the adapter's change feed, and the records whose
 * value falls due with time. Get it from {@link ScoreStore#ledger()}.
 *
 * <p>Results of a run are applied with {@link #apply} (or {@link #begin} for results that are pushed
 * one at a time): the store compares them with the current values a batch at a time, writes what
 * changed with one history entry per changed record, removes records that left the scope, and
 * reports the changes. Each batch is one transaction that also records the run's progress, and a
 * run changes a (score, record) at most once, so a run that was killed can be applied again with the
 * same run id: nothing is lost and nothing is duplicated.
 */
public final class RunLedger {

    private static final String RUN_SELECT = "SELECT run_id, score_name, scored_at, state, batches, last_key, results, "
            + "changed, removed, started_at, finished_at FROM sl_run";

    private final StoreConnection db;

    RunLedger(StoreConnection db) {
        this.db = db;
    }

    /** Runs that were started and not finished (interrupted, or under way): resume them with their id. */
    public List<RunInfo> unfinishedRuns() {
        return db.tx(() -> db.query(RUN_SELECT + " WHERE state = 'running' ORDER BY started_at, run_id, score_name",
                RunLedger::run));
    }

    public Optional<RunInfo> run(String runId, String score) {
        return db.tx(() -> runTx(runId, score));
    }

    /** Where the last finished run of the score left the adapter's change feed; empty: score everything. */
    public Optional<FeedPosition> feedPosition(String score) {
        return db.tx(() -> db.queryOne("SELECT adapter, watermark, definition_hash, scored_at, run_id FROM sl_feed "
                + "WHERE score_name = ?", rs -> new FeedPosition(rs.getString(1), rs.getString(2), rs.getString(3),
                Values.instant(rs, 4), rs.getString(5)), score));
    }

    /**
     * The records of these scores whose value can have changed with time alone by {@code now}: their
     * next-change instant (kept by runs that give one) has come.
     */
    public Set<RecordKey> dueRecords(Collection<String> scores, Instant now) {
        return db.tx(() -> {
            Set<RecordKey> due = new HashSet<>();
            for (String score : scores) {
                db.each("SELECT record_key FROM sl_current WHERE score_name = ? AND next_change <= ?",
                        rs -> due.add(RecordKey.parse(rs.getString(1))), score, now);
            }
            return due;
        });
    }

    /**
     * Applies a run's results of one score and returns what changed; see {@link #begin}. Results
     * need not be sorted but must hold one result per record.
     */
    public ScoreDiff apply(String scoreName, Iterable<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause) {
        return apply(scoreName, results.iterator(), at, runId, cause);
    }

    public ScoreDiff apply(String scoreName, Iterator<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause) {
        return apply(scoreName, results, at, runId, cause, null, null);
    }

    /**
     * Applies a run's results of one score. {@code removedCause} gives the cause of a record that
     * left the scope (default {@link ScoreStore#LEFT_SCOPE}); with a {@code listener}, each batch's
     * changes go to it right after their commit and the returned diff keeps counts only (for runs
     * that change millions of records).
     */
    public ScoreDiff apply(String scoreName, Iterator<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause, Function<RecordKey, String> removedCause,
                           Consumer<ScoreDiff.Batch> listener) {
        ScoreApplication a = begin(scoreName, at, runId, cause, removedCause, listener);
        while (results.hasNext()) {
            a.accept(results.next());
        }
        return a.finish();
    }

    public ScoreApplication begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause) {
        return begin(scoreName, at, runId, cause, null, null);
    }

    /**
     * Starts (or resumes) applying run {@code runId} of a score, for results pushed one at a time
     * with {@link ScoreApplication#accept}; {@link ScoreApplication#finish} removes what the run did
     * not see and reports the diff. Every {@link ScoreStore#batchSize} results are compared with the
     * current values and committed together with the run's progress.
     *
     * <p>A run id names one application of one run; the same id again resumes it (after a crash,
     * with the same results): batches it had committed are not written again, and their changes are
     * reported again (marked recovered), so a sink gets them at least once. The {@code at} of the
     * first attempt is kept. A new run id for a score whose earlier run was interrupted supersedes
     * that run: what it had committed stays, and the new run compares with it.
     *
     * @param at    the time the results were computed for (NOW of the run); the history's time
     * @param cause why a result changed (the rules and events or property changes behind it);
     *              called only for changed results
     */
    public ScoreApplication begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause,
                                  Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        return begin(scoreName, at, runId, cause, removedCause, listener, null);
    }

    /**
     * As {@link #begin(String, Instant, String, Function, Function, Consumer)}, also writing each
     * batch's changes to the {@link DeliveryLog} through {@code journal} (null: not logged), in the
     * batch's transaction, as owed to the journal's sinks.
     */
    public ScoreApplication begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause,
                                  Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener,
                                  DeliveryLog.Journal journal) {
        Objects.requireNonNull(scoreName, "scoreName");
        Objects.requireNonNull(at, "at");
        Values.runId(runId);
        Objects.requireNonNull(cause, "cause");
        return db.tx(() -> {
            Optional<RunInfo> previous = runTx(runId, scoreName);
            Map<String, Long> before = previous.isEmpty() ? start(scoreName, at, runId) : statusesBefore(runId, scoreName);
            return new ScoreApplication(db, scoreName, previous.map(RunInfo::at).orElse(at), runId, cause,
                    removedCause == null ? k -> ScoreStore.LEFT_SCOPE : removedCause, listener, journal, before,
                    previous.isPresent());
        });
    }

    /**
     * Starts (or resumes) a run of several scores at once, for results pushed in any order of
     * scores (a run's stream, sorted by score then record): one {@link ScoreApplication} per score.
     */
    public RunApplication beginRun(Collection<String> scores, Instant at, String runId, Function<ScoreResult, String> cause,
                                   Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        return beginRun(scores, at, runId, cause, removedCause, listener, null);
    }

    /** As {@link #beginRun(Collection, Instant, String, Function, Function, Consumer)}, logging for the sinks. */
    public RunApplication beginRun(Collection<String> scores, Instant at, String runId, Function<ScoreResult, String> cause,
                                   Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener,
                                   DeliveryLog.Journal journal) {
        Map<String, ScoreApplication> apps = new LinkedHashMap<>();
        for (String s : scores) {
            apps.put(s, begin(s, at, runId, cause, removedCause, listener, journal));
        }
        return new RunApplication(apps);
    }

    /** Records a new run with the status counts it starts from; returns those counts. */
    private Map<String, Long> start(String score, Instant at, String runId) throws SQLException {
        Optional<String> refresh = db.dialect().refreshStatistics();
        if (refresh.isPresent()) {
            db.update(refresh.get());
        }
        Map<String, Long> before = ScoreHistory.statusCounts(db, score);
        db.update("INSERT INTO sl_run (run_id, score_name, scored_at, state, batches, results, changed, removed, started_at) "
                + "VALUES (?, ?, ?, 'running', 0, 0, 0, 0, ?)", runId, score, at, db.now());
        for (Map.Entry<String, Long> e : before.entrySet()) {
            db.update("INSERT INTO sl_run_status (run_id, score_name, status, before_count) VALUES (?, ?, ?, ?)",
                    runId, score, e.getKey(), e.getValue());
        }
        return before;
    }

    /** The status counts a resumed run started from, at its first attempt. */
    private Map<String, Long> statusesBefore(String runId, String score) throws SQLException {
        Map<String, Long> before = new TreeMap<>();
        db.each("SELECT status, before_count FROM sl_run_status WHERE run_id = ? AND score_name = ? AND before_count > 0",
                rs -> before.put(rs.getString(1), rs.getLong(2)), runId, score);
        return before;
    }

    private Optional<RunInfo> runTx(String runId, String score) throws SQLException {
        return db.queryOne(RUN_SELECT + " WHERE run_id = ? AND score_name = ?", RunLedger::run, runId, score);
    }

    private static RunInfo run(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getString(1), rs.getString(2), Values.instant(rs, 3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), Values.instant(rs, 10), Values.instant(rs, 11));
    }
}
