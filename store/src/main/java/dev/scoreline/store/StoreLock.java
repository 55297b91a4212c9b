package dev.scoreline.store;

import dev.scoreline.api.ScorelineException;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.StoreErrors;
import dev.scoreline.store.internal.Values;
import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run at a time on a store: the row of {@code sl_store_lock} a run holds for its whole life,
 * taken with {@link ScoreStore#lockForRun}. A second run finds it and fails with {@code SL604},
 * naming the holder, or waits for it.
 *
 * <p>The row is a row, not a database session's lock, on purpose: it works the same on H2 and
 * PostgreSQL, it outlives a broken connection (an embedded store changes server when the process
 * serving it ends, and a run reconnects), and it says who holds the store. The price is that a
 * holder that dies leaves its row behind; it is taken over when (docs/store.md):
 * <ul>
 *   <li>its host is this host and no process with its pid runs here, or</li>
 *   <li>its heartbeat (refreshed every {@link #HEARTBEAT} by the holder, on the database's clock)
 *       is older than {@link #STALE_AFTER}: a holder on another host, or whose pid was reused.</li>
 * </ul>
 */
public final class StoreLock implements AutoCloseable {

    /** How often the holder refreshes its heartbeat. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A heartbeat older than this belongs to a run that died or froze: its lock is taken over. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 250;
    private static final String NAME = "run";
    private static final String SELECT = "SELECT token, run_id, host, pid, since, heartbeat, CURRENT_TIMESTAMP "
            + "FROM sl_store_lock WHERE lock_name = '" + NAME + "'";
    private static final String PG_UNIQUE_VIOLATION = "23505";

    /** Who holds (or held) the store; {@code runId} is null until the run has planned its id. */
    public record Holder(String runId, String host, long pid, Instant since, Instant heartbeat) {

        /** {@code (run-…, host h, pid 12, since 2026-…Z)}: how messages name the holder. */
        public String describe() {
            return "(" + (runId == null ? "" : runId + ", ") + "host " + host + ", pid " + pid + ", since " + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")";
        }
    }

    private record Row(String token, Holder holder, Instant dbNow) { }

    private final StoreConnection db;
    private final String token;
    private final Holder takenOver;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;
    private volatile boolean closed;

    private StoreLock(StoreConnection db, String token, Holder takenOver) {
        this.db = db;
        this.token = token;
        this.takenOver = takenOver;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scoreline-store-lock");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the store's run lock, waiting up to {@code wait} (zero: not at all) for a live holder to
     * let go; {@code notices} hears, in a line, that this run waits for a holder or took over a dead one's lock.
     */
    static StoreLock acquire(StoreConnection db, String runId, Duration wait, Consumer<String> notices) {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        String token = UUID.randomUUID().toString();
        boolean told = false;
        while (true) {
            Optional<Row> before = tryTake(db, token, runId);
            if (before.map(r -> r.token().equals(token)).orElse(true)) {
                before.ifPresent(r -> notices.accept("took the store over from a run that died " + r.holder().describe()));
                return new StoreLock(db, token, before.map(Row::holder).orElse(null));
            }
            Holder other = before.get().holder();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw StoreErrors.locked(db.url(), other.describe(), wait);
            }
            if (!told) {
                notices.accept("waiting for another run " + other.describe() + " to finish");
                told = true;
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StoreErrors.locked(db.url(), other.describe(), wait);
            }
        }
    }

    /**
     * One attempt: empty when the lock was free and is now ours; the dead holder's row (with our
     * token) when we took it over; the live holder's row otherwise.
     */
    private static Optional<Row> tryTake(StoreConnection db, String token, String runId) {
        try {
            return db.tx(() -> {
                Optional<Row> row = db.queryOne(SELECT, StoreLock::row);
                if (row.isEmpty()) {
                    db.update("INSERT INTO sl_store_lock (lock_name, token, run_id, host, pid, since, heartbeat) "
                            + "VALUES ('" + NAME + "', ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                            token, runId, HOST, PID);
                    return Optional.empty();
                }
                if (!dead(row.get())) {
                    return row;
                }
                int taken = db.update("UPDATE sl_store_lock SET token = ?, run_id = ?, host = ?, pid = ?, "
                        + "since = CURRENT_TIMESTAMP, heartbeat = CURRENT_TIMESTAMP WHERE lock_name = '" + NAME
                        + "' AND token = ?", token, runId, HOST, PID, row.get().token());
                return taken == 1 ? Optional.of(new Row(token, row.get().holder(), row.get().dbNow())) : row;
            });
        } catch (ScorelineException e) {
            if (e.getCause() instanceof SQLException s && PG_UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return tryTake(db, token, runId); // another run inserted its row at the same moment: read it
            }
            throw e;
        }
    }

    /** The holder is gone: no such process on its host (this one), or a heartbeat that stopped. */
    private static boolean dead(Row row) {
        Holder h = row.holder();
        if (Duration.between(h.heartbeat(), row.dbNow()).compareTo(STALE_AFTER) > 0) {
            return true;
        }
        return h.host().equals(HOST) && ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), new Holder(rs.getString(2), rs.getString(3), rs.getLong(4), Values.instant(rs, 5),
                Values.instant(rs, 6)), Values.instant(rs, 7));
    }

    /** The holder whose dead run's lock this one took over, if it did. */
    public Optional<Holder> takenOver() {
        return Optional.ofNullable(takenOver);
    }

    /** Names the run that holds the lock, once it is known (what a second run's message shows). */
    public void runId(String runId) {
        Values.runId(runId);
        db.tx(() -> db.update("UPDATE sl_store_lock SET run_id = ? WHERE lock_name = '" + NAME + "' AND token = ?",
                runId, token));
    }

    /**
     * Fails with {@code SL604} when another run took this lock over (this run's heartbeat stopped
     * for longer than {@link #STALE_AFTER}: a frozen process): it must not write on.
     */
    public void check() {
        if (lost || db.tx(() -> db.count("SELECT COUNT(*) FROM sl_store_lock WHERE lock_name = '" + NAME
                + "' AND token = ?", token)) == 0) {
            lost = true;
            Holder now = db.tx(() -> db.queryOne(SELECT, StoreLock::row)).map(Row::holder).orElse(null);
            throw StoreErrors.lockLost(db.url(), now == null ? "(none)" : now.describe());
        }
    }

    private void beat() {
        if (closed) {
            return;
        }
        try {
            int n = db.tx(() -> db.update("UPDATE sl_store_lock SET heartbeat = CURRENT_TIMESTAMP WHERE lock_name = '"
                    + NAME + "' AND token = ?", token));
            lost |= n == 0;
        } catch (RuntimeException e) {
            // The store failing is the run's to report, on its next statement; the next beat tries again.
        }
    }

    /** Lets go of the store: the next run may start. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        db.tx(() -> db.update("DELETE FROM sl_store_lock WHERE lock_name = '" + NAME + "' AND token = ?", token));
    }

    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = hostName();

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
