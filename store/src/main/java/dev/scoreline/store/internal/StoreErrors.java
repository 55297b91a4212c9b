package dev.scoreline.store.internal;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The store's failures as {@link ScorelineException}s: each names the store URL (password
 * redacted) or the score at fault, says what to do, and keeps the cause.
 */
public final class StoreErrors {

    /** H2's "database is read only" and "file cannot be created" (org.h2.api.ErrorCode). */
    private static final int H2_READ_ONLY = 90097;
    private static final int H2_FILE_CREATION_FAILED = 90062;
    /** H2's "database may be already in use": another process holds the embedded store's file lock. */
    private static final int H2_ALREADY_IN_USE = 90020;
    /** PostgreSQL's read_only_sql_transaction (a read replica, default_transaction_read_only). */
    private static final String PG_READ_ONLY = "25006";
    private static final String FIX_UNREACHABLE =
            "check the URL, that the database server runs, and the user and password";
    private static final String FIX_READ_ONLY =
            "use a store the user can write: a writable folder, or a primary database rather than a read-only one";

    private StoreErrors() { }

    /** The URL without a password parameter, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Whether H2 says another process has the database file open. */
    static boolean alreadyInUse(Throwable cause) {
        SQLException sql = sqlCause(cause);
        return sql != null && sql.getErrorCode() == H2_ALREADY_IN_USE;
    }

    /**
     * The store could not be opened or reached ({@code SL601}), it is read-only ({@code SL602}), or
     * another process holds the embedded store ({@code SL604}).
     */
    public static ScorelineException cannotOpen(String url, Throwable cause) {
        if (isReadOnly(cause)) {
            return readOnly(url, cause);
        }
        if (alreadyInUse(cause)) {
            return new ScorelineException(ErrorCode.STORE_LOCKED, "the score store at " + redact(url)
                    + " is held by another process", "wait for the other Scoreline run (or command) to finish, or stop it",
                    cause);
        }
        String fix = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("no suitable driver")
                ? "a store URL starts with jdbc:postgresql:// or jdbc:h2:" : FIX_UNREACHABLE;
        return new ScorelineException(ErrorCode.STORE_UNREACHABLE,
                "cannot open the score store at " + redact(url) + ": " + detail(url, cause), fix, cause);
    }

    /** The store, or its folder, cannot be written ({@code SL602}). */
    public static ScorelineException readOnly(String url, Throwable cause) {
        return new ScorelineException(ErrorCode.STORE_READ_ONLY,
                "the score store at " + redact(url) + " cannot be written: " + detail(url, cause), FIX_READ_ONLY, cause);
    }

    /** The folder of an embedded store cannot be made or written ({@code SL602}). */
    public static ScorelineException folderNotWritable(String folder, Throwable cause) {
        return new ScorelineException(ErrorCode.STORE_READ_ONLY, "the store folder " + folder + " cannot be written"
                + (cause == null ? "" : ": " + cause), FIX_READ_ONLY, cause);
    }

    /** The schema could not be migrated ({@code SL601}/{@code SL602} when that is why, else {@code SL603}). */
    public static ScorelineException cannotMigrate(String url, Throwable cause) {
        SQLException sql = sqlCause(cause);
        if (sql != null && (isReadOnly(sql) || isConnectionLost(sql))) {
            return cannotOpen(url, sql);
        }
        return new ScorelineException(ErrorCode.STORE_FAILED,
                "cannot migrate the score store at " + redact(url) + ": " + detail(url, cause),
                "see the cause with --debug; the schema's history is in the table sl_schema_history", cause);
    }

    /** The schema is newer than this Scoreline knows ({@code SL608}). */
    public static ScorelineException schemaNewer(String url, String storeVersion, String knownVersion) {
        return new ScorelineException(ErrorCode.STORE_SCHEMA, "the score store at " + redact(url) + " has schema version "
                + storeVersion + ", newer than this Scoreline knows (" + knownVersion + ")",
                "use the Scoreline version that wrote this store, or a newer one");
    }

    /** A statement failed on an open store ({@code SL603}, or {@code SL602}/{@code SL601} when that is why). */
    public static ScorelineException failed(String url, SQLException cause) {
        if (isReadOnly(cause)) {
            return readOnly(url, cause);
        }
        if (isConnectionLost(cause)) {
            return new ScorelineException(ErrorCode.STORE_UNREACHABLE, "lost the score store at " + redact(url) + ": "
                    + detail(url, cause), "check that the database server runs, then run again: an interrupted run resumes", cause);
        }
        return new ScorelineException(ErrorCode.STORE_FAILED, "the score store at " + redact(url) + " failed: "
                + detail(url, cause), "check the database server and its free space, then run again: an interrupted run resumes",
                cause);
    }

    /** Another run holds the store's run lock ({@code SL604}); {@code waited} is how long this run waited. */
    public static ScorelineException locked(String url, String holder, java.time.Duration waited) {
        return new ScorelineException(ErrorCode.STORE_LOCKED, "another run " + holder + " holds this store ("
                + redact(url) + ")" + (waited.isZero() ? "" : "; waited " + waited.toString().substring(2).toLowerCase(Locale.ROOT)),
                "wait for it to finish (scoreline run --wait waits for it), or stop it; the lock of a run that died is "
                        + "taken over (docs/store.md)");
    }

    /** This run's lock was taken over by another run ({@code SL604}): it stops before writing more. */
    public static ScorelineException lockLost(String url, String holder) {
        return new ScorelineException(ErrorCode.STORE_LOCKED, "this run's hold on the store (" + redact(url)
                + ") was taken over by another run " + holder + " after its heartbeat stopped",
                "run again when that run is done: this run's committed work is kept and resumed");
    }

    /** No score of that name ({@code SL605}). */
    public static ScorelineException unknownScore(String name) {
        return new ScorelineException(ErrorCode.UNKNOWN_SCORE, "no score named \"" + name + "\"",
                "see the names with `scoreline scores list`");
    }

    /**
     * A score name that neither the catalog nor the current values know ({@code SL605}), with the
     * nearest known name when there is one near enough.
     */
    public static ScorelineException unknownScore(String name, java.util.Collection<String> known) {
        java.util.Optional<String> nearest = dev.scoreline.dsl.NearestName.of(name, known);
        return new ScorelineException(ErrorCode.UNKNOWN_SCORE, "no score named \"" + name + "\" in the store",
                nearest.map(n -> "did you mean \"" + n + "\"? ").orElse("")
                        + "see the names with `scoreline scores list`");
    }

    /** A record the store holds no value of for a score ({@code SL609}). */
    public static ScorelineException unknownRecord(String score, String record) {
        return new ScorelineException(ErrorCode.UNKNOWN_RECORD, "the store holds no value of \"" + score
                + "\" for " + record, "check the key (type:id) with `scoreline history " + record
                + "`; a record is adjusted once a run has scored it");
    }

    /** An adjustment id the store does not have ({@code SL610}). */
    public static ScorelineException unknownAdjustment(long id) {
        return new ScorelineException(ErrorCode.UNKNOWN_ADJUSTMENT, "no adjustment #" + id + " in the store",
                "see the ids with `scoreline adjust --list`");
    }

    /** A quota of an object type would be passed ({@code SL606}). */
    public static ScorelineException quota(String message, String fix) {
        return new ScorelineException(ErrorCode.QUOTA_EXCEEDED, message, fix);
    }

    /** The catalog's state forbids the operation ({@code SL607}). */
    public static ScorelineException conflict(String message, String fix) {
        return new ScorelineException(ErrorCode.CATALOG_CONFLICT, message, fix);
    }

    static boolean isReadOnly(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e && (e.getErrorCode() == H2_READ_ONLY || e.getErrorCode() == H2_FILE_CREATION_FAILED
                    || PG_READ_ONLY.equals(e.getSQLState()))) {
                return true;
            }
            String m = String.valueOf(c.getMessage());
            if (m.contains("Read-only file system") || m.contains("Permission denied")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 (the connection is gone or was never made), or PostgreSQL's 57P01-57P03
     * (the server shut down, crashed, or is not accepting connections yet).
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }

    /** The cause's message on one line, with the store's password redacted if the driver echoed the URL. */
    private static String detail(String url, Throwable cause) {
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        m = m.replace('\n', ' ').replace('\r', ' ');
        return url.equals(redact(url)) ? redact(m) : redact(m.replace(url, redact(url)));
    }
}
