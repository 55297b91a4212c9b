package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.store.internal.LiveRecords;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.StoreErrors;
import dev.scoreline.store.internal.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The score store: the catalog of score definitions ({@link #catalog()}: drafts and active, with
 * versions and quotas), the current value of every (score, record) and the history of every change
 * ({@link #history()}), and the runs that applied them ({@link #ledger()}), in a database — an
 * embedded H2 file by default, or PostgreSQL (any JDBC URL). The schema is migrated with Flyway
 * when the store opens (docs/store.md). The methods here are shortcuts to those three parts.
 *
 * <p>Failures are {@link dev.scoreline.api.ScorelineException}s with a code: {@code SL601} the store
 * cannot be opened or reached, {@code SL602} it cannot be written, {@code SL603} an operation
 * failed, {@code SL605} an unknown score, {@code SL606} a quota, {@code SL607} a conflict with the
 * catalog's state, {@code SL608} a schema newer than this Scoreline. Messages name the store URL
 * with its password redacted.
 *
 * <p>One store is one JDBC connection; its methods are thread-safe (serialized).
 */
public final class ScoreStore implements AutoCloseable {

    /** Where {@link #embedded()} keeps its database: {@code ./scoreline-data}. */
    public static final Path DEFAULT_DIR = Path.of("scoreline-data");
    /** Results per transaction when applying a run. */
    public static final int DEFAULT_BATCH = 5_000;
    /** Longest cause kept; longer causes are cut with an ellipsis. */
    public static final int MAX_CAUSE = Values.MAX_CAUSE;
    /** The cause of a history entry of a record that left the scope, unless the caller gives one. */
    public static final String LEFT_SCOPE = "left scope";

    private final StoreConnection db;
    private final ScoreCatalog catalog;
    private final ScoreHistory history;
    private final RunLedger ledger;
    private final DeliveryLog deliveries;
    private final ScoreAdjustments adjustments;

    private ScoreStore(StoreConnection db) {
        this.db = db;
        this.catalog = new ScoreCatalog(db);
        this.history = new ScoreHistory(db);
        this.ledger = new RunLedger(db);
        this.deliveries = new DeliveryLog(db);
        this.adjustments = new ScoreAdjustments(db);
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens the store at a JDBC URL ({@code jdbc:postgresql://host/db}, {@code jdbc:h2:…}) and migrates
     * its schema. {@code user} and {@code password} may be {@code null} (then the URL's own apply).
     */
    public static ScoreStore open(String jdbcUrl, String user, String password) {
        return new ScoreStore(StoreConnection.open(jdbcUrl, user, password, DEFAULT_BATCH));
    }

    /**
     * The embedded H2 store in {@code dir} (the file {@code dir/store.mv.db}), created when missing.
     * A folder that cannot be made or written is an {@code SL602} error.
     */
    public static ScoreStore embedded(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw StoreErrors.folderNotWritable(dir.toAbsolutePath().normalize().toString(), e);
        }
        if (!Files.isWritable(dir)) {
            throw StoreErrors.folderNotWritable(dir.toAbsolutePath().normalize().toString(), null);
        }
        return open(embeddedUrl(dir), "sa", "");
    }

    /** The embedded store in {@link #DEFAULT_DIR}. */
    public static ScoreStore embedded() {
        return embedded(DEFAULT_DIR);
    }

    /**
     * The JDBC URL of the embedded store in {@code dir}. {@code AUTO_SERVER} lets a second process
     * (say {@code scoreline history} while a run is following changes) open it too.
     */
    public static String embeddedUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("store") + ";AUTO_SERVER=TRUE";
    }

    /** The JDBC URL this store was opened with. */
    public String url() {
        return db.url();
    }

    /** Results per transaction when applying (default {@value #DEFAULT_BATCH}). */
    public ScoreStore batchSize(int batchSize) {
        db.batchSize(batchSize);
        return this;
    }

    /** The clock of created/updated times of the catalog (tests set a fixed one). */
    public ScoreStore clock(Clock clock) {
        db.clock(clock);
        return this;
    }

    @Override
    public void close() {
        db.close();
    }

    // ------------------------------------------------------------------ the parts

    /** Drafts, versions, activation, quotas. */
    public ScoreCatalog catalog() {
        return catalog;
    }

    /** Current values, history, trends and status counts. */
    public ScoreHistory history() {
        return history;
    }

    /** The manual adjustments of records' scores (docs/store.md "Adjustments"). */
    public ScoreAdjustments adjustments() {
        return adjustments;
    }

    /** Runs: applying results with resume, unfinished runs, feed positions, records due. */
    public RunLedger ledger() {
        return ledger;
    }

    /** What the sinks are owed: the batches in flight, until each sink acknowledges them. */
    public DeliveryLog deliveries() {
        return deliveries;
    }

    /** SHA-256 of the UTF-8 text, lower-case hex: a score version's content hash. */
    public static String sha256(String text) {
        return ScoreCatalog.sha256(text);
    }

    /**
     * Takes the store for one run (see {@link StoreLock}): held until closed, so no other run of
     * the store starts meanwhile. When another live run holds it, waits up to {@code wait} (zero:
     * not at all) and then fails with {@code SL604} naming that run; {@code notices} hears, in a line,
     * that the run waits or took over the lock of a run that died. {@code runId} may be null until
     * the run knows it ({@link StoreLock#runId}).
     */
    public StoreLock lockForRun(String runId, java.time.Duration wait, Consumer<String> notices) {
        return StoreLock.acquire(db, runId, wait, notices);
    }

    // ------------------------------------------------------------------ catalog shortcuts

    /** See {@link ScoreCatalog#saveDraft(ScoreDefinitionText)}. */
    public SavedDraft saveDraft(ScoreDefinitionText definition) {
        return catalog.saveDraft(definition);
    }

    /** See {@link ScoreCatalog#saveDraft(String, String, String)}. */
    public SavedDraft saveDraft(String name, String objectType, String sourceText) {
        return catalog.saveDraft(name, objectType, sourceText);
    }

    /** See {@link ScoreCatalog#activate}. */
    public CatalogEntry activate(String name) {
        return catalog.activate(name);
    }

    /** See {@link ScoreCatalog#deactivate}. */
    public CatalogEntry deactivate(String name) {
        return catalog.deactivate(name);
    }

    /** See {@link ScoreCatalog#clone}. */
    public CatalogEntry clone(String name, String newName) {
        return catalog.clone(name, newName);
    }

    /** See {@link ScoreCatalog#delete}. */
    public void delete(String name) {
        catalog.delete(name);
    }

    /** Every score of the catalog, by name. */
    public List<CatalogEntry> list() {
        return catalog.list();
    }

    public Optional<CatalogEntry> entry(String name) {
        return catalog.entry(name);
    }

    /** The score of that name; an {@code SL605} error when there is none. */
    public CatalogEntry require(String name) {
        return catalog.require(name);
    }

    /** Every version of a score, oldest first. */
    public List<ScoreVersion> versions(String name) {
        return catalog.versions(name);
    }

    public Optional<ScoreVersion> version(String name, int version) {
        return catalog.version(name, version);
    }

    /** The newest version of a score. */
    public ScoreVersion latest(String name) {
        return catalog.latest(name);
    }

    /** The version that runs of every active score, by name: what a run compiles. */
    public List<ScoreVersion> activeDefinitions() {
        return catalog.activeDefinitions();
    }

    /** See {@link ScoreCatalog#quotas}. */
    public Quotas quotas(String objectType) {
        return catalog.quotas(objectType);
    }

    /** See {@link ScoreCatalog#setQuotas}. */
    public void setQuotas(String objectType, Quotas quotas) {
        catalog.setQuotas(objectType, quotas);
    }

    /** See {@link ScoreCatalog#setDefaultQuotas}. */
    public void setDefaultQuotas(Quotas quotas) {
        catalog.setDefaultQuotas(quotas);
    }

    /** See {@link ScoreCatalog#allQuotas}. */
    public Map<String, Quotas> allQuotas() {
        return catalog.allQuotas();
    }

    // ------------------------------------------------------------------ history shortcuts

    public Optional<CurrentValue> current(String score, RecordKey record) {
        return history.current(score, record);
    }

    /** How many records of the score hold each status now. */
    public Map<String, Long> statusCounts(String score) {
        return history.statusCounts(score);
    }

    /** See {@link ScoreHistory#history}. */
    public List<HistoryEntry> history(RecordKey record, Optional<String> score) {
        return history.history(record, score);
    }

    /** Every change a run made, by score name then record key. */
    public List<HistoryEntry> historyOfRun(String runId) {
        return history.historyOfRun(runId);
    }

    /** See {@link ScoreHistory#monthlyTrend(RecordKey, Optional)}. */
    public Map<String, List<MonthlyValue>> monthlyTrend(RecordKey record, Optional<String> score) {
        return history.monthlyTrend(record, score);
    }

    /** See {@link ScoreHistory#monthlyTrend(List)}. */
    public static List<MonthlyValue> monthlyTrend(List<HistoryEntry> entries) {
        return ScoreHistory.monthlyTrend(entries);
    }

    // ------------------------------------------------------------------ run shortcuts

    /** Runs that were started and not finished (interrupted, or under way): resume them with their id. */
    public List<RunInfo> unfinishedRuns() {
        return ledger.unfinishedRuns();
    }

    public Optional<RunInfo> run(String runId, String score) {
        return ledger.run(runId, score);
    }

    /** See {@link RunLedger#feedPosition}. */
    public Optional<FeedPosition> feedPosition(String score) {
        return ledger.feedPosition(score);
    }

    /** See {@link RunLedger#dueRecords}. */
    public Set<RecordKey> dueRecords(Collection<String> scores, Instant now) {
        return ledger.dueRecords(scores, now);
    }

    /** See {@link RunLedger#apply(String, Iterable, Instant, String, Function)}. */
    public ScoreDiff apply(String scoreName, Iterable<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause) {
        return ledger.apply(scoreName, results, at, runId, cause);
    }

    /** See {@link RunLedger#apply(String, Iterator, Instant, String, Function)}. */
    public ScoreDiff apply(String scoreName, Iterator<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause) {
        return ledger.apply(scoreName, results, at, runId, cause);
    }

    /** See {@link RunLedger#apply(String, Iterator, Instant, String, Function, Function, Consumer)}. */
    public ScoreDiff apply(String scoreName, Iterator<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause, Function<RecordKey, String> removedCause,
                           Consumer<ScoreDiff.Batch> listener) {
        return ledger.apply(scoreName, results, at, runId, cause, removedCause, listener);
    }

    /** See {@link RunLedger#begin(String, Instant, String, Function)}. */
    public ScoreApplication begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause) {
        return ledger.begin(scoreName, at, runId, cause);
    }

    /** See {@link RunLedger#begin(String, Instant, String, Function, Function, Consumer)}. */
    public ScoreApplication begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause,
                                  Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        return ledger.begin(scoreName, at, runId, cause, removedCause, listener);
    }

    /** See {@link RunLedger#beginRun}. */
    public RunApplication beginRun(Collection<String> scores, Instant at, String runId, Function<ScoreResult, String> cause,
                                   Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        return ledger.beginRun(scores, at, runId, cause, removedCause, listener);
    }

    // ------------------------------------------------------------------ the live path

    /**
     * Records updates computed incrementally (a followed change feed, {@code LiveScores}): each
     * becomes its record's current value and one history entry of {@code runId}. Several updates of
     * the same (score, record) collapse into one entry — the first one's previous value, the last
     * one's result, every cause — because a run changes a record at most once. Updates that end
     * where the store already is are dropped. They are written a batch (the store's batch size) per
     * transaction; with a {@code journal} each batch is logged in the {@link DeliveryLog} in its
     * transaction, as owed to the journal's sinks, and handed to {@code listener} right after its
     * commit ({@code ScoreDiff.Batch.score()} is null: a live batch may hold several scores), so a
     * crash leaves at most one batch unacknowledged per sink, as in a run. Returns what was
     * recorded, in the order given: what sinks should receive.
     */
    public List<ScoreUpdate> record(String runId, List<ScoreUpdate> updates, DeliveryLog.Journal journal,
                                    Consumer<ScoreDiff.Batch> listener) {
        int[] number = {0};
        return LiveRecords.record(db, runId, updates, recorded -> DeliveryLog.log(db, journal, runId, recorded),
                (recorded, logged) -> listener.accept(
                        new ScoreDiff.Batch(null, runId, ++number[0], recorded, 0, List.of(), logged)));
    }
}
