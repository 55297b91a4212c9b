package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The score store: the catalog of score definitions (drafts and active, with versions), the current
 * value of every (score, record) and the history of every change, in a database — an embedded H2
 * file by default, or PostgreSQL (any JDBC URL). The schema is migrated with Flyway when the store
 * opens (docs/store.md).
 *
 * <p>Results of a run are applied with {@link #apply} (or {@link #begin} for results that are pushed
 * one at a time): the store compares them with the current values a batch at a time, writes what
 * changed with one history entry per changed record, removes records that left the scope, and
 * reports the changes. Each batch is one transaction that also records the run's progress, and a
 * run changes a (score, record) at most once, so a run that was killed can be applied again with the
 * same run id: nothing is lost and nothing is duplicated.
 *
 * <p>One store is one JDBC connection; its methods are thread-safe (serialized).
 */
public final class ScoreStore implements AutoCloseable {

    /** Where {@link #embedded()} keeps its database: {@code ./scoreline-data}. */
    public static final Path DEFAULT_DIR = Path.of("scoreline-data");
    /** Results per transaction when applying a run. */
    public static final int DEFAULT_BATCH = 5_000;
    /** Longest cause kept; longer causes are cut with an ellipsis. */
    public static final int MAX_CAUSE = 4_000;
    /** The cause of a history entry of a record that left the scope, unless the caller gives one. */
    public static final String LEFT_SCOPE = "no longer in scope";

    /**
     * Keys per {@code IN (…)} lookup on PostgreSQL. Large on purpose: a planner with stale
     * statistics may scan the table instead of using the key, once per lookup.
     */
    private static final int IN_CHUNK_POSTGRES = 5_000;
    /**
     * Keys per {@code IN (…)} lookup on H2. Small on purpose: H2 finds the rows through the primary
     * key but then checks each one against the whole list of parameters, one by one, so a lookup
     * costs rows × list length (5,000 keys at a time made a run spend most of its time there).
     */
    private static final int IN_CHUNK_H2 = 200;
    private static final String INSERT_CURRENT = "INSERT INTO sl_current "
            + "(score_name, record_key, score_value, status, updated_at, seen_run, next_change) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CURRENT = "UPDATE sl_current "
            + "SET score_value = ?, status = ?, updated_at = ?, seen_run = ?, next_change = ? "
            + "WHERE score_name = ? AND record_key = ?";
    private static final String INSERT_HISTORY = "INSERT INTO sl_history "
            + "(score_name, record_key, scored_at, run_id, old_value, old_status, new_value, new_status, cause, recorded_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int VALUE_SCALE = 10;

    private final Connection connection;
    private final String url;
    private final boolean postgres;
    private Clock clock = Clock.systemUTC();
    private int batchSize = DEFAULT_BATCH;

    private ScoreStore(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
        boolean pg;
        try {
            pg = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            pg = false;
        }
        this.postgres = pg;
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens the store at a JDBC URL ({@code jdbc:postgresql://host/db}, {@code jdbc:h2:…}) and migrates
     * its schema. {@code user} and {@code password} may be {@code null} (then the URL's own apply).
     */
    public static ScoreStore open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Connection c;
        try {
            c = DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw new ScoreStoreException("cannot open the score store at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            // The connection stays open while Flyway migrates, so an in-memory database lives on.
            Flyway.configure(ScoreStore.class.getClassLoader())
                    .dataSource(jdbcUrl, user, password)
                    .locations("classpath:db/scoreline")
                    .table("sl_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            c.setAutoCommit(false);
            return new ScoreStore(c, jdbcUrl);
        } catch (FlywayException | SQLException e) {
            closeQuietly(c);
            throw new ScoreStoreException("cannot migrate the score store at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The embedded H2 store in {@code dir} (the file {@code dir/store.mv.db}), created when missing. */
    public static ScoreStore embedded(Path dir) {
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
        return url;
    }

    /** Results per transaction when applying (default {@value #DEFAULT_BATCH}). */
    public synchronized ScoreStore batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** The clock of created/updated times of the catalog (tests set a fixed one). */
    public synchronized ScoreStore clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new ScoreStoreException("closing the score store failed: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ catalog

    /** Saves the text as the score's newest version; see {@link #saveDraft(String, String, String)}. */
    public SavedDraft saveDraft(ScoreDefinitionText definition) {
        return saveDraft(definition.name(), definition.objectType(), definition.sourceText());
    }

    /**
     * Saves a score's text. A new name becomes a draft at version 1 (within the drafts quota of its
     * object type). For a known name, a text with a new SHA-256 becomes the next version: a draft
     * stays a draft; an active score keeps running its active version until {@link #activate} is
     * called again. The same text again saves nothing.
     */
    public synchronized SavedDraft saveDraft(String name, String objectType, String sourceText) {
        ScoreDefinitionText d = new ScoreDefinitionText(name, objectType, sourceText);
        String hash = sha256(d.sourceText());
        return tx(() -> {
            Instant now = clock.instant();
            Optional<CatalogEntry> existing = entryTx(d.name());
            if (existing.isEmpty()) {
                checkDrafts(d.objectType(), 1);
                update("INSERT INTO sl_score (name, object_type, state, latest_version, created_at, updated_at) "
                        + "VALUES (?, ?, 'draft', 1, ?, ?)", d.name(), d.objectType(), now, now);
                insertVersion(d, 1, hash, now);
                return new SavedDraft(entryTx(d.name()).orElseThrow(), true, true);
            }
            CatalogEntry e = existing.get();
            if (e.hash().equals(hash) && e.objectType().equals(d.objectType())) {
                return new SavedDraft(e, false, false);
            }
            if (!e.objectType().equals(d.objectType())) {
                if (e.isActive()) {
                    throw new ScoreStoreException.Conflict("score \"" + d.name() + "\" is active on " + e.objectType()
                            + "; deactivate it before moving it to " + d.objectType());
                }
                checkDrafts(d.objectType(), 1);
            }
            int next = e.version() + 1;
            insertVersion(d, next, hash, now);
            update("UPDATE sl_score SET latest_version = ?, object_type = ?, updated_at = ? WHERE name = ?",
                    next, d.objectType(), now, d.name());
            return new SavedDraft(entryTx(d.name()).orElseThrow(), true, false);
        });
    }

    /**
     * Makes the score's newest version the one that runs. A draft becomes active (within the
     * active quota of its object type); an active score with a newer version is updated to it.
     * Activating what already runs changes nothing. The next run scores every in-scope record
     * with it ({@link CatalogEntry#needsFullRun()}).
     */
    public synchronized CatalogEntry activate(String name) {
        return tx(() -> {
            CatalogEntry e = require(name);
            if (e.isActive() && e.activeVersion() == e.version()) {
                return e;
            }
            if (!e.isActive()) {
                Quotas q = quotasTx(e.objectType());
                long active = count("SELECT COUNT(*) FROM sl_score WHERE object_type = ? AND state = 'active'", e.objectType());
                if (active + 1 > q.maxActive()) {
                    throw new ScoreStoreException.QuotaExceeded(e.objectType(), "active", q.maxActive(),
                            "cannot activate \"" + name + "\": object type " + e.objectType() + " already has " + active
                                    + " active score" + (active == 1 ? "" : "s") + " and its quota is " + q.maxActive()
                                    + "; deactivate one first");
                }
            }
            Instant now = clock.instant();
            update("UPDATE sl_score SET state = 'active', active_version = latest_version, activated_at = ?, updated_at = ? "
                    + "WHERE name = ?", now, now, name);
            return require(name);
        });
    }

    /**
     * Stops running the score: it becomes a draft again, keeping its versions, history and the last
     * values it had. Never refused by a quota (stopping must always be possible), so it may leave
     * more drafts than the quota allows; no new draft of that type can then be made until some are
     * deleted. Deactivating a draft changes nothing.
     */
    public synchronized CatalogEntry deactivate(String name) {
        return tx(() -> {
            CatalogEntry e = require(name);
            if (!e.isActive()) {
                return e;
            }
            update("UPDATE sl_score SET state = 'draft', active_version = NULL, applied_version = NULL, updated_at = ? "
                    + "WHERE name = ?", clock.instant(), name);
            return require(name);
        });
    }

    /**
     * Copies the newest version of a score as a new draft named {@code newName} (the name in its
     * {@code score "…"} line is changed too), within the drafts quota.
     */
    public synchronized CatalogEntry clone(String name, String newName) {
        Objects.requireNonNull(newName, "newName");
        return tx(() -> {
            CatalogEntry e = require(name);
            if (entryTx(newName).isPresent()) {
                throw new ScoreStoreException.Conflict("cannot clone \"" + name + "\" as \"" + newName
                        + "\": a score with that name exists");
            }
            ScoreVersion v = versionTx(name, e.version()).orElseThrow();
            ScoreDefinitionText copy = v.definition().withName(newName);
            checkDrafts(copy.objectType(), 1);
            Instant now = clock.instant();
            update("INSERT INTO sl_score (name, object_type, state, latest_version, created_at, updated_at) "
                    + "VALUES (?, ?, 'draft', 1, ?, ?)", newName, copy.objectType(), now, now);
            insertVersion(copy, 1, sha256(copy.sourceText()), now);
            return require(newName);
        });
    }

    /**
     * Deletes a draft with its versions and current values; its history stays. An active score
     * must be deactivated first.
     */
    public synchronized void delete(String name) {
        tx(() -> {
            CatalogEntry e = require(name);
            if (e.isActive()) {
                throw new ScoreStoreException.Conflict("score \"" + name + "\" is active; deactivate it before deleting it");
            }
            update("DELETE FROM sl_current WHERE score_name = ?", name);
            update("DELETE FROM sl_score_version WHERE score_name = ?", name);
            update("DELETE FROM sl_score WHERE name = ?", name);
            return null;
        });
    }

    /** Every score of the catalog, by name. */
    public synchronized List<CatalogEntry> list() {
        return tx(() -> entries("", new Object[0]));
    }

    public synchronized Optional<CatalogEntry> entry(String name) {
        return tx(() -> entryTx(name));
    }

    /** Every version of a score, oldest first. */
    public synchronized List<ScoreVersion> versions(String name) {
        return tx(() -> {
            require(name);
            List<ScoreVersion> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(VERSION_SELECT + " WHERE score_name = ? ORDER BY version_no", name);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        });
    }

    public synchronized Optional<ScoreVersion> version(String name, int version) {
        return tx(() -> versionTx(name, version));
    }

    /** The newest version of a score. */
    public synchronized ScoreVersion latest(String name) {
        return tx(() -> versionTx(name, require(name).version()).orElseThrow());
    }

    /** The version that runs of every active score, by name: what a run compiles. */
    public synchronized List<ScoreVersion> activeDefinitions() {
        return tx(() -> {
            List<ScoreVersion> out = new ArrayList<>();
            try (PreparedStatement ps = prepare("SELECT v.score_name, v.version_no, v.object_type, v.content_hash, "
                    + "v.source_text, v.created_at FROM sl_score_version v "
                    + "JOIN sl_score s ON s.name = v.score_name AND s.active_version = v.version_no ORDER BY v.score_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        });
    }

    /** The quotas of an object type: its own, else the default ones, else {@link Quotas#DEFAULT}. */
    public synchronized Quotas quotas(String objectType) {
        return tx(() -> quotasTx(objectType));
    }

    /** Sets (and keeps) the quotas of an object type; existing scores above them are not touched. */
    public synchronized void setQuotas(String objectType, Quotas quotas) {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(quotas, "quotas");
        tx(() -> {
            if (update("UPDATE sl_quota SET max_active = ?, max_drafts = ? WHERE object_type = ?",
                    quotas.maxActive(), quotas.maxDrafts(), objectType) == 0) {
                update("INSERT INTO sl_quota (object_type, max_active, max_drafts) VALUES (?, ?, ?)",
                        objectType, quotas.maxActive(), quotas.maxDrafts());
            }
            return null;
        });
    }

    /** Sets the quotas of every object type that has none of its own. */
    public void setDefaultQuotas(Quotas quotas) {
        setQuotas("*", quotas);
    }

    /** The quotas set per object type ({@code *} is the default), by type. */
    public synchronized Map<String, Quotas> allQuotas() {
        return tx(() -> {
            Map<String, Quotas> out = new TreeMap<>();
            try (PreparedStatement ps = prepare("SELECT object_type, max_active, max_drafts FROM sl_quota");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Quotas(rs.getInt(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ current values, history

    public synchronized Optional<CurrentValue> current(String score, RecordKey record) {
        return tx(() -> {
            try (PreparedStatement ps = prepare("SELECT score_value, status, updated_at FROM sl_current "
                    + "WHERE score_name = ? AND record_key = ?", score, record.toString());
                 ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new CurrentValue(score, record, value(rs.getBigDecimal(1)), rs.getString(2), instant(rs, 3)))
                        : Optional.<CurrentValue>empty();
            }
        });
    }

    /** How many records of the score hold each status now. */
    public synchronized Map<String, Long> statusCounts(String score) {
        return tx(() -> countsTx(score));
    }

    /** Every change of the record, by score name then time (all scores when {@code score} is empty). */
    public synchronized List<HistoryEntry> history(RecordKey record, Optional<String> score) {
        return tx(() -> {
            String sql = HISTORY_SELECT + " WHERE record_key = ?" + (score.isPresent() ? " AND score_name = ?" : "")
                    + " ORDER BY score_name, scored_at, id";
            try (PreparedStatement ps = score.isPresent() ? prepare(sql, record.toString(), score.get())
                    : prepare(sql, record.toString())) {
                return historyRows(ps);
            }
        });
    }

    /** Every change a run made, by score name then record key. */
    public synchronized List<HistoryEntry> historyOfRun(String runId) {
        return tx(() -> {
            try (PreparedStatement ps = prepare(HISTORY_SELECT + " WHERE run_id = ? ORDER BY score_name, record_key", runId)) {
                return historyRows(ps);
            }
        });
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

    /** Runs that were started and not finished (interrupted, or under way): resume them with their id. */
    public synchronized List<RunInfo> unfinishedRuns() {
        return tx(() -> runs(" WHERE state = 'running' ORDER BY started_at, run_id, score_name"));
    }

    public synchronized Optional<RunInfo> run(String runId, String score) {
        return tx(() -> runs(" WHERE run_id = ? AND score_name = ?", runId, score).stream().findFirst());
    }

    // ------------------------------------------------------------------ applying runs

    /** Where the last finished run of the score left the adapter's change feed; empty: score everything. */
    public synchronized Optional<FeedPosition> feedPosition(String score) {
        return tx(() -> {
            try (PreparedStatement ps = prepare("SELECT adapter, watermark, definition_hash, scored_at, run_id "
                    + "FROM sl_feed WHERE score_name = ?", score); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new FeedPosition(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), rs.getString(5))) : Optional.<FeedPosition>empty();
            }
        });
    }

    /**
     * The records of these scores whose value can have changed with time alone by {@code now}: their
     * next-change instant (kept by runs that give one) has come.
     */
    public synchronized java.util.Set<RecordKey> dueRecords(Collection<String> scores, Instant now) {
        return tx(() -> {
            java.util.Set<RecordKey> due = new java.util.HashSet<>();
            for (String score : scores) {
                try (PreparedStatement ps = prepare("SELECT record_key FROM sl_current WHERE score_name = ? "
                        + "AND next_change <= ?", score, now); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(RecordKey.parse(rs.getString(1)));
                    }
                }
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
     * left the scope (default {@link #LEFT_SCOPE}); with a {@code listener}, each batch's changes go
     * to it right after their commit and the returned diff keeps counts only (for runs that change
     * millions of records).
     */
    public ScoreDiff apply(String scoreName, Iterator<ScoreResult> results, Instant at, String runId,
                           Function<ScoreResult, String> cause, Function<RecordKey, String> removedCause,
                           Consumer<ScoreDiff.Batch> listener) {
        Application a = begin(scoreName, at, runId, cause, removedCause, listener);
        while (results.hasNext()) {
            a.accept(results.next());
        }
        return a.finish();
    }

    /**
     * Records updates computed incrementally (a followed change feed, {@code LiveScores}): each
     * becomes its record's current value and one history entry of {@code runId}, all in one
     * transaction. Several updates of the same (score, record) collapse into one entry — the first
     * one's previous value, the last one's result, every cause — because a run changes a record at
     * most once. Updates that end where the store already is are dropped. Returns what was
     * recorded, in the order given: what sinks should receive.
     */
    public synchronized List<ScoreUpdate> record(String runId, List<ScoreUpdate> updates) {
        checkRunId(runId);
        LinkedHashMap<String, ScoreUpdate> collapsed = new LinkedHashMap<>();
        for (ScoreUpdate u : updates) {
            String k = u.result().score() + '\u0000' + u.result().record();
            ScoreUpdate first = collapsed.get(k);
            collapsed.put(k, first == null ? u : new ScoreUpdate(u.result(), first.previousValue(), first.previousStatus(),
                    u.at(), first.cause() + "; " + u.cause()));
        }
        if (collapsed.isEmpty()) {
            return List.of();
        }
        // The current values of the updated records, one lookup per score.
        Map<String, List<String>> keysByScore = new LinkedHashMap<>();
        for (ScoreUpdate u : collapsed.values()) {
            keysByScore.computeIfAbsent(u.result().score(), k -> new ArrayList<>()).add(u.result().record().toString());
        }
        return tx(() -> {
            Instant now = clock.instant();
            List<ScoreUpdate> out = new ArrayList<>();
            try (PreparedStatement insertCurrent = connection.prepareStatement(INSERT_CURRENT);
                 PreparedStatement updateCurrent = connection.prepareStatement(UPDATE_CURRENT);
                 PreparedStatement insertHistory = connection.prepareStatement(INSERT_HISTORY)) {
                Map<String, Object[]> current = new java.util.HashMap<>();
                for (Map.Entry<String, List<String>> e : keysByScore.entrySet()) {
                    inChunks("SELECT record_key, score_value, status FROM sl_current WHERE score_name = ? AND record_key IN ",
                            new Object[] {e.getKey()}, e.getValue(),
                            rs -> current.put(e.getKey() + '\u0000' + rs.getString(1),
                                    new Object[] {value(rs.getBigDecimal(2)), rs.getString(3)}));
                }
                for (Map.Entry<String, ScoreUpdate> entry : collapsed.entrySet()) {
                    ScoreUpdate u = entry.getValue();
                    ScoreResult r = u.result();
                    String score = r.score();
                    String key = r.record().toString();
                    BigDecimal value = normalize(r.value());
                    Object[] cur = current.get(entry.getKey());
                    boolean exists = cur != null;
                    BigDecimal oldValue = exists ? (BigDecimal) cur[0] : null;
                    String oldStatus = exists ? (String) cur[1] : null;
                    if (exists && oldValue.compareTo(value) == 0 && oldStatus.equals(r.status())) {
                        continue;
                    }
                    if (exists) {
                        bind(updateCurrent, value, r.status(), now, runId, null, score, key);
                        updateCurrent.addBatch();
                    } else {
                        bind(insertCurrent, score, key, value, r.status(), now, runId, null);
                        insertCurrent.addBatch();
                    }
                    String why = cut(u.cause());
                    bind(insertHistory, score, key, u.at(), runId, oldValue, oldStatus, value, r.status(), why, now);
                    insertHistory.addBatch();
                    // The store's old value is the truth a sink compares with.
                    out.add(new ScoreUpdate(r, oldValue, oldStatus, u.at(), why));
                }
                insertCurrent.executeBatch();
                updateCurrent.executeBatch();
                insertHistory.executeBatch();
            }
            // These values were computed outside a run that keeps next-change instants and a feed
            // position, so the next run of these scores must score everything again.
            update("DELETE FROM sl_feed WHERE score_name IN " + placeholders(keysByScore.size()),
                    keysByScore.keySet().toArray());
            return out;
        });
    }

    private static void checkRunId(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (runId.isBlank() || runId.length() > 100) {
            throw new IllegalArgumentException("a run id is 1 to 100 characters, got \"" + runId + "\"");
        }
    }

    /** Runs {@code sqlPrefix + "(?, ?, …)"} for the keys a chunk at a time, {@code lead} bound first. */
    private void inChunks(String sqlPrefix, Object[] lead, List<String> keys, RowHandler handler) throws SQLException {
        int size = postgres ? IN_CHUNK_POSTGRES : IN_CHUNK_H2;
        for (int i = 0; i < keys.size(); i += size) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + size));
            Object[] args = new Object[chunk.size() + lead.length];
            System.arraycopy(lead, 0, args, 0, lead.length);
            for (int j = 0; j < chunk.size(); j++) {
                args[j + lead.length] = chunk.get(j);
            }
            try (PreparedStatement ps = prepare(sqlPrefix + placeholders(chunk.size()), args);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    public Application begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause) {
        return begin(scoreName, at, runId, cause, null, null);
    }

    /**
     * Starts (or resumes) applying run {@code runId} of a score, for results pushed one at a time
     * with {@link Application#accept}; {@link Application#finish} removes what the run did not see
     * and reports the diff. Every {@link #batchSize} results are compared with the current values and
     * committed together with the run's progress.
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
    public synchronized Application begin(String scoreName, Instant at, String runId, Function<ScoreResult, String> cause,
                                          Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        Objects.requireNonNull(scoreName, "scoreName");
        Objects.requireNonNull(at, "at");
        checkRunId(runId);
        Objects.requireNonNull(cause, "cause");
        return tx(() -> {
            Optional<RunInfo> previous = runs(" WHERE run_id = ? AND score_name = ?", runId, scoreName).stream().findFirst();
            Map<String, Long> before;
            Instant runAt;
            if (previous.isEmpty()) {
                if (postgres) {
                    // Fresh statistics, so the planner looks records up by key rather than scanning.
                    update("ANALYZE sl_current");
                }
                before = countsTx(scoreName);
                runAt = at;
                update("INSERT INTO sl_run (run_id, score_name, scored_at, state, batches, results, changed, removed, started_at) "
                        + "VALUES (?, ?, ?, 'running', 0, 0, 0, 0, ?)", runId, scoreName, at, clock.instant());
                for (Map.Entry<String, Long> e : before.entrySet()) {
                    update("INSERT INTO sl_run_status (run_id, score_name, status, before_count) VALUES (?, ?, ?, ?)",
                            runId, scoreName, e.getKey(), e.getValue());
                }
            } else {
                runAt = previous.get().at();
                before = new TreeMap<>();
                try (PreparedStatement ps = prepare("SELECT status, before_count FROM sl_run_status "
                        + "WHERE run_id = ? AND score_name = ? AND before_count > 0", runId, scoreName);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        before.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Application(scoreName, runAt, runId, cause,
                    removedCause == null ? k -> LEFT_SCOPE : removedCause, listener, before, previous.isPresent());
        });
    }

    /**
     * Starts (or resumes) a run of several scores at once, for results pushed in any order of
     * scores (a run's stream, sorted by score then record): one {@link Application} per score.
     */
    public RunApplication beginRun(Collection<String> scores, Instant at, String runId, Function<ScoreResult, String> cause,
                                   Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener) {
        Map<String, Application> apps = new LinkedHashMap<>();
        for (String s : scores) {
            apps.put(s, begin(s, at, runId, cause, removedCause, listener));
        }
        return new RunApplication(apps);
    }

    /** A run of several scores: results are routed to their score's {@link Application}. */
    public static final class RunApplication implements Consumer<ScoreResult> {
        private final Map<String, Application> apps;

        private RunApplication(Map<String, Application> apps) {
            this.apps = apps;
        }

        @Override
        public void accept(ScoreResult r) {
            app(r).accept(r);
        }

        /** Adds a result with the instant its value can next change with time alone (null: never). */
        public void accept(ScoreResult r, Instant nextChange) {
            app(r).accept(r, nextChange);
        }

        private Application app(ScoreResult r) {
            Application a = apps.get(r.score());
            if (a == null) {
                throw new IllegalArgumentException("score \"" + r.score() + "\" is not part of this run " + apps.keySet());
            }
            return a;
        }

        /** See {@link Application#onlyRecords}: for every score of the run. */
        public RunApplication onlyRecords(Collection<RecordKey> records) {
            apps.values().forEach(a -> a.onlyRecords(records));
            return this;
        }

        /** Finishes every score; the diffs by score name. */
        public Map<String, ScoreDiff> finish() {
            return finish(s -> null);
        }

        /** Finishes every score and keeps each one's feed position (see {@link Application#finish(FeedPosition)}). */
        public Map<String, ScoreDiff> finish(Function<String, FeedPosition> positions) {
            Map<String, ScoreDiff> out = new LinkedHashMap<>();
            for (Application a : apps.values()) {
                out.put(a.score, a.finish(positions.apply(a.score)));
            }
            return out;
        }
    }

    /** A result waiting for its batch, with the instant its value can next change with time alone. */
    private record Pending(ScoreResult result, Instant nextChange) { }

    /** One run of one score being applied; see {@link ScoreStore#begin}. Not reusable after finish. */
    public final class Application implements Consumer<ScoreResult> {
        private final String score;
        private final Instant at;
        private final String runId;
        private final Function<ScoreResult, String> cause;
        private final Function<RecordKey, String> removedCause;
        private final Consumer<ScoreDiff.Batch> listener;
        private final Map<String, Long> before;
        private final boolean resumed;
        /** Results not committed yet, by record key, each with its next-change instant (null: none). */
        private final LinkedHashMap<String, Pending> buffer = new LinkedHashMap<>();
        /** Whether some result came without its next-change instant: then no feed position is kept. */
        private boolean untimed;
        /** The records this run re-scores, by key text; null when it scores every record. */
        private java.util.Set<String> scope;
        /** For a run of {@link #onlyRecords}: the keys that got a result (the others may have left the scope). */
        private final java.util.Set<String> scored = new java.util.HashSet<>();
        private final List<ScoreUpdate> changes = new ArrayList<>();
        private final List<HistoryEntry> removals = new ArrayList<>();
        private long results;
        private long changed;
        private long recovered;
        private long removed;
        private int batches;
        private boolean done;
        private RuntimeException failed;

        private Application(String score, Instant at, String runId, Function<ScoreResult, String> cause,
                            Function<RecordKey, String> removedCause, Consumer<ScoreDiff.Batch> listener,
                            Map<String, Long> before, boolean resumed) {
            this.score = score;
            this.at = at;
            this.runId = runId;
            this.cause = cause;
            this.removedCause = removedCause;
            this.listener = listener;
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
         * Adds one result; every {@link #batchSize} results are compared and committed. Its
         * next-change instant is unknown, so the score's feed position is dropped at the finish:
         * the next run scores every record.
         */
        @Override
        public void accept(ScoreResult r) {
            synchronized (ScoreStore.this) {
                untimed = true;
                add(r, null);
            }
        }

        /**
         * Adds one result with the instant its value can next change with time alone (null: it
         * cannot), kept with the current value: a later run re-scores the record once that instant
         * has come ({@link #dueRecords}).
         */
        public void accept(ScoreResult r, Instant nextChange) {
            synchronized (ScoreStore.this) {
                add(r, nextChange);
            }
        }

        private void add(ScoreResult r, Instant nextChange) {
            usable();
            if (!score.equals(r.score())) {
                throw new IllegalArgumentException("a result of \"" + r.score() + "\" given to the run of \"" + score + "\"");
            }
            String key = r.record().toString();
            buffer.put(key, new Pending(r, nextChange));
            if (scope != null) {
                scored.add(key);
            }
            if (buffer.size() >= batchSize) {
                flush();
            }
        }

        /**
         * Makes this a run that re-scores only {@code records} (what changed or fell due), not the
         * whole scope: the finish then removes only those of them that got no result (they left the
         * scope), and every other record keeps its current value. Call before the first result.
         */
        public Application onlyRecords(Collection<RecordKey> records) {
            synchronized (ScoreStore.this) {
                usable();
                if (results > 0 || !buffer.isEmpty()) {
                    throw new IllegalStateException("onlyRecords must come before the first result");
                }
                java.util.Set<String> keys = new java.util.HashSet<>(records.size() * 2);
                for (RecordKey k : records) {
                    keys.add(k.toString());
                }
                this.scope = keys;
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
            synchronized (ScoreStore.this) {
                usable();
                flush();
                try {
                    sweep();
                    Map<String, Long> after = tx(() -> {
                        update("DELETE FROM sl_feed WHERE score_name = ?", score);
                        if (position != null && !untimed) {
                            update("INSERT INTO sl_feed (score_name, adapter, watermark, definition_hash, scored_at, run_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)", score, position.adapter(), position.watermark(),
                                    position.definitionHash(), position.at(), position.runId());
                        }
                        Map<String, Long> counts = countsTx(score);
                        for (Map.Entry<String, Long> e : counts.entrySet()) {
                            if (update("UPDATE sl_run_status SET after_count = ? WHERE run_id = ? AND score_name = ? AND status = ?",
                                    e.getValue(), runId, score, e.getKey()) == 0) {
                                update("INSERT INTO sl_run_status (run_id, score_name, status, before_count, after_count) "
                                        + "VALUES (?, ?, ?, 0, ?)", runId, score, e.getKey(), e.getValue());
                            }
                        }
                        update("UPDATE sl_run_status SET after_count = 0 WHERE run_id = ? AND score_name = ? AND after_count IS NULL",
                                runId, score);
                        update("UPDATE sl_run SET state = 'done', finished_at = ? WHERE run_id = ? AND score_name = ?",
                                clock.instant(), runId, score);
                        update("UPDATE sl_run SET state = 'superseded' WHERE score_name = ? AND state = 'running' AND run_id <> ?",
                                score, runId);
                        update("UPDATE sl_score SET applied_version = active_version WHERE name = ? AND state = 'active'", score);
                        return counts;
                    });
                    done = true;
                    return new ScoreDiff(score, runId, at, changes, removals, results, changed, recovered, removed,
                            before, after, resumed);
                } catch (RuntimeException e) {
                    failed = e;
                    throw e;
                }
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
            try {
                ScoreDiff.Batch b = tx(() -> writeBatch(batch));
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

        private ScoreDiff.Batch writeBatch(List<Pending> batch) throws SQLException {
            List<String> keys = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                keys.add(p.result().record().toString());
            }
            Map<String, Object[]> current = new java.util.HashMap<>();
            inChunks("SELECT record_key, score_value, status, seen_run, next_change FROM sl_current "
                    + "WHERE score_name = ? AND record_key IN ", new Object[] {score}, keys,
                    rs -> current.put(rs.getString(1), new Object[] {rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5)}));
            Map<String, Object[]> earlier = new java.util.HashMap<>();
            if (resumed) {
                inChunks("SELECT record_key, old_value, old_status, cause FROM sl_history "
                                + "WHERE score_name = ? AND run_id = ? AND record_key IN ",
                        new Object[] {score, runId}, keys, rs -> earlier.put(rs.getString(1), new Object[] {rs.getBigDecimal(2), rs.getString(3), rs.getString(4)}));
            }
            Instant now = clock.instant();
            List<ScoreUpdate> out = new ArrayList<>();
            int recoveredHere = 0;
            try (PreparedStatement insertCurrent = connection.prepareStatement(INSERT_CURRENT);
                 PreparedStatement updateCurrent = connection.prepareStatement(UPDATE_CURRENT);
                 PreparedStatement insertHistory = connection.prepareStatement(INSERT_HISTORY);
                 PreparedStatement touch = connection.prepareStatement("UPDATE sl_current SET seen_run = ?, next_change = ? "
                         + "WHERE score_name = ? AND record_key = ?");
                 PreparedStatement updateHistory = connection.prepareStatement("UPDATE sl_history "
                         + "SET new_value = ?, new_status = ?, cause = ? WHERE run_id = ? AND score_name = ? AND record_key = ?")) {
                for (Pending p : batch) {
                    ScoreResult r = p.result();
                    String key = r.record().toString();
                    BigDecimal value = normalize(r.value());
                    Object[] cur = current.get(key);
                    Object[] prior = earlier.get(key);
                    boolean same = cur != null && ((BigDecimal) cur[0]).compareTo(value) == 0 && cur[1].equals(r.status());
                    Instant nextChange = p.nextChange();
                    // An unchanged record is marked seen by this run, with its new next-change instant.
                    boolean touchIt = same && (!runId.equals(cur[2]) || !Objects.equals(cur[3], nextChange));
                    if (touchIt) {
                        bind(touch, runId, nextChange, score, key);
                        touch.addBatch();
                    }
                    if (prior != null) {
                        // An earlier attempt of this run changed the record and committed it.
                        String why = (String) prior[2];
                        if (!same) {
                            why = cut(cause.apply(r));
                            writeCurrent(cur == null ? insertCurrent : updateCurrent, cur == null, key, value, r.status(),
                                    now, nextChange);
                            bind(updateHistory, value, r.status(), why, runId, score, key);
                            updateHistory.addBatch();
                        }
                        out.add(new ScoreUpdate(r, value((BigDecimal) prior[0]), (String) prior[1], at, why));
                        recoveredHere++;
                    } else if (!same) {
                        String why = cut(cause.apply(r));
                        writeCurrent(cur == null ? insertCurrent : updateCurrent, cur == null, key, value, r.status(),
                                now, nextChange);
                        BigDecimal oldValue = cur == null ? null : value((BigDecimal) cur[0]);
                        String oldStatus = cur == null ? null : (String) cur[1];
                        bind(insertHistory, score, key, at, runId, oldValue, oldStatus, value, r.status(), why, now);
                        insertHistory.addBatch();
                        out.add(new ScoreUpdate(r, oldValue, oldStatus, at, why));
                    }
                }
                insertCurrent.executeBatch();
                updateCurrent.executeBatch();
                insertHistory.executeBatch();
                updateHistory.executeBatch();
                touch.executeBatch();
            }
            int number = ++batches;
            update("UPDATE sl_run SET batches = batches + 1, last_key = ?, results = results + ?, changed = changed + ? "
                    + "WHERE run_id = ? AND score_name = ?", keys.get(keys.size() - 1), (long) batch.size(),
                    (long) (out.size() - recoveredHere), runId, score);
            return new ScoreDiff.Batch(score, runId, number, out, recoveredHere, List.of());
        }

        private void writeCurrent(PreparedStatement ps, boolean insert, String key, BigDecimal value, String status,
                                  Instant now, Instant nextChange) throws SQLException {
            if (insert) {
                bind(ps, score, key, value, status, now, runId, nextChange);
            } else {
                bind(ps, value, status, now, runId, nextChange, score, key);
            }
            ps.addBatch();
        }

        /**
         * Removes, a batch at a time, the records the run did not score: they left the scope. A run
         * of {@link #onlyRecords} looks only among its records.
         */
        private void sweep() {
            String select = "SELECT record_key, score_value, status FROM sl_current WHERE score_name = ? AND seen_run <> ? ";
            // A run of some records only looks among those it was given and got no result for.
            List<String> unscored = new ArrayList<>();
            if (scope != null) {
                for (String k : scope) {
                    if (!scored.contains(k)) {
                        unscored.add(k);
                    }
                }
                java.util.Collections.sort(unscored);
            }
            for (int from = 0; ; from += batchSize) {
                int start = from;
                ScoreDiff.Batch b = tx(() -> {
                    List<HistoryEntry> gone = new ArrayList<>();
                    RowHandler row = rs -> {
                        RecordKey key = RecordKey.parse(rs.getString(1));
                        gone.add(new HistoryEntry(score, key, at, runId, value(rs.getBigDecimal(2)), rs.getString(3),
                                null, null, cut(removedCause.apply(key))));
                    };
                    if (scope == null) {
                        try (PreparedStatement ps = prepare(select + "ORDER BY record_key FETCH FIRST " + batchSize
                                + " ROWS ONLY", score, runId); ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                row.row(rs);
                            }
                        }
                    } else if (start < unscored.size()) {
                        inChunks(select + "AND record_key IN ", new Object[] {score, runId},
                                unscored.subList(start, Math.min(unscored.size(), start + batchSize)), row);
                    } else {
                        return null;
                    }
                    if (gone.isEmpty()) {
                        // Nothing left to look at (whole scope), or nothing gone in this slice of the records.
                        return scope == null ? null : new ScoreDiff.Batch(score, runId, batches, List.of(), 0, List.of());
                    }
                    return remove(gone);
                });
                if (b == null) {
                    return;
                }
                removed += b.removals().size();
                deliver(b);
            }
        }

        private ScoreDiff.Batch remove(List<HistoryEntry> gone) throws SQLException {
            Instant now = clock.instant();
            try (PreparedStatement history = connection.prepareStatement("INSERT INTO sl_history "
                    + "(score_name, record_key, scored_at, run_id, old_value, old_status, new_value, new_status, cause, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM sl_current WHERE score_name = ? AND record_key = ?")) {
                for (HistoryEntry h : gone) {
                    bind(history, score, h.record().toString(), at, runId, h.oldValue(), h.oldStatus(), h.cause(), now);
                    history.addBatch();
                    bind(delete, score, h.record().toString());
                    delete.addBatch();
                }
                history.executeBatch();
                delete.executeBatch();
            }
            update("UPDATE sl_run SET removed = removed + ? WHERE run_id = ? AND score_name = ?",
                    (long) gone.size(), runId, score);
            return new ScoreDiff.Batch(score, runId, ++batches, List.of(), 0, gone);
        }
    }

    // ------------------------------------------------------------------ internals

    private static final String CATALOG_SELECT = "SELECT s.name, s.object_type, s.state, s.latest_version, v.content_hash, "
            + "s.active_version, s.applied_version, s.created_at, s.updated_at, s.activated_at "
            + "FROM sl_score s JOIN sl_score_version v ON v.score_name = s.name AND v.version_no = s.latest_version";
    private static final String VERSION_SELECT = "SELECT score_name, version_no, object_type, content_hash, source_text, created_at "
            + "FROM sl_score_version";
    private static final String HISTORY_SELECT = "SELECT score_name, record_key, scored_at, run_id, old_value, old_status, "
            + "new_value, new_status, cause FROM sl_history";

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private synchronized <T> T tx(SqlWork<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new ScoreStoreException("the score store at " + redact(url) + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters.
        }
    }

    private CatalogEntry require(String name) throws SQLException {
        return entryTx(name).orElseThrow(() -> new ScoreStoreException.NotFound("no score named \"" + name + "\""));
    }

    private Optional<CatalogEntry> entryTx(String name) throws SQLException {
        return entries(" WHERE s.name = ?", new Object[] {name}).stream().findFirst();
    }

    private List<CatalogEntry> entries(String where, Object[] args) throws SQLException {
        List<CatalogEntry> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(CATALOG_SELECT + where + " ORDER BY s.name", args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CatalogEntry(rs.getString(1), rs.getString(2),
                        "active".equals(rs.getString(3)) ? CatalogEntry.State.ACTIVE : CatalogEntry.State.DRAFT,
                        rs.getInt(4), rs.getString(5), rs.getObject(6, Integer.class),
                        rs.getObject(7, Integer.class), instant(rs, 8), instant(rs, 9), instant(rs, 10)));
            }
        }
        return out;
    }

    private Optional<ScoreVersion> versionTx(String name, int version) throws SQLException {
        try (PreparedStatement ps = prepare(VERSION_SELECT + " WHERE score_name = ? AND version_no = ?", name, version);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(version(rs)) : Optional.empty();
        }
    }

    private static ScoreVersion version(ResultSet rs) throws SQLException {
        return new ScoreVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6));
    }

    private void insertVersion(ScoreDefinitionText d, int version, String hash, Instant now) throws SQLException {
        update("INSERT INTO sl_score_version (score_name, version_no, object_type, content_hash, source_text, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", d.name(), version, d.objectType(), hash, d.sourceText(), now);
    }

    private void checkDrafts(String objectType, int adding) throws SQLException {
        Quotas q = quotasTx(objectType);
        long drafts = count("SELECT COUNT(*) FROM sl_score WHERE object_type = ? AND state = 'draft'", objectType);
        if (drafts + adding > q.maxDrafts()) {
            throw new ScoreStoreException.QuotaExceeded(objectType, "drafts", q.maxDrafts(),
                    "cannot add a draft: object type " + objectType + " already has " + drafts + " draft"
                            + (drafts == 1 ? "" : "s") + " and its quota is " + q.maxDrafts() + "; delete or activate one first");
        }
    }

    private Quotas quotasTx(String objectType) throws SQLException {
        Quotas fallback = Quotas.DEFAULT;
        try (PreparedStatement ps = prepare("SELECT object_type, max_active, max_drafts FROM sl_quota WHERE object_type IN (?, '*')",
                objectType);
             ResultSet rs = ps.executeQuery()) {
            Quotas own = null;
            while (rs.next()) {
                Quotas q = new Quotas(rs.getInt(2), rs.getInt(3));
                if ("*".equals(rs.getString(1)) && !"*".equals(objectType)) {
                    fallback = q;
                } else {
                    own = q;
                }
            }
            return own != null ? own : fallback;
        }
    }

    private Map<String, Long> countsTx(String score) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = prepare("SELECT status, COUNT(*) FROM sl_current WHERE score_name = ? GROUP BY status", score);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private List<RunInfo> runs(String where, Object... args) throws SQLException {
        List<RunInfo> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("SELECT run_id, score_name, scored_at, state, batches, last_key, results, changed, "
                + "removed, started_at, finished_at FROM sl_run" + where, args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RunInfo(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), instant(rs, 10), instant(rs, 11)));
            }
        }
        return out;
    }

    private List<HistoryEntry> historyRows(PreparedStatement ps) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HistoryEntry(rs.getString(1), RecordKey.parse(rs.getString(2)), instant(rs, 3), rs.getString(4),
                        value(rs.getBigDecimal(5)), rs.getString(6), value(rs.getBigDecimal(7)), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    private long count(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            bind(ps, args);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (a == null) {
                ps.setObject(i + 1, null);
            } else if (a instanceof BigDecimal d) {
                ps.setBigDecimal(i + 1, d);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static String placeholders(int n) {
        StringBuilder b = new StringBuilder(n * 3 + 2).append('(');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A stored value as people read it: {@code 29}, {@code 12.5}, never {@code 29.0000000000}. */
    private static BigDecimal value(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal v = stored.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static BigDecimal normalize(BigDecimal v) {
        return v.scale() > VALUE_SCALE ? v.setScale(VALUE_SCALE, RoundingMode.HALF_UP) : v;
    }

    private static String cut(String cause) {
        if (cause == null) {
            return "";
        }
        return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE - 1) + "…";
    }

    /** SHA-256 of the UTF-8 text, lower-case hex: a score version's content hash. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The URL without a password parameter, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing.
        }
    }
}
