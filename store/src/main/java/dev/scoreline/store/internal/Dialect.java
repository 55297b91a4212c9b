package dev.scoreline.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** What differs between the databases the store runs on; the SQL itself is the same on both. */
public enum Dialect {

    /**
     * Small {@code IN (…)} lists on purpose: H2 finds the rows through the primary key but then
     * checks each one against the whole list of parameters, one by one, so a lookup costs rows ×
     * list length (5,000 keys at a time made a run spend most of its time there).
     */
    H2(200, null, "SET WRITE_DELAY 0"),
    /**
     * Large {@code IN (…)} lists on purpose: a planner with stale statistics may scan the table
     * instead of using the key, once per lookup. For the same reason a new run first refreshes the
     * statistics of the current values, so the planner looks records up by key.
     */
    POSTGRESQL(5_000, "ANALYZE sl_current", null);

    private final int inListChunk;
    private final String refreshStatistics;
    private final String durableCommits;

    Dialect(int inListChunk, String refreshStatistics, String durableCommits) {
        this.inListChunk = inListChunk;
        this.refreshStatistics = refreshStatistics;
        this.durableCommits = durableCommits;
    }

    /**
     * The statement that makes a commit reach the file before it returns; empty when commits are
     * durable anyway. H2 writes commits by default up to 500 ms later, so a process killed in that
     * time lost batches whose changes the sinks already had, and re-delivered them as new.
     */
    public Optional<String> durableCommits() {
        return Optional.ofNullable(durableCommits);
    }

    /** The dialect of the database behind {@code connection}. */
    public static Dialect of(Connection connection) throws SQLException {
        return forProduct(connection.getMetaData().getDatabaseProductName());
    }

    /** The dialect of a JDBC database product name; any database that is not PostgreSQL is taken as H2. */
    public static Dialect forProduct(String productName) {
        return productName != null && productName.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /** Keys per {@code IN (…)} lookup. */
    public int inListChunk() {
        return inListChunk;
    }

    /** The statement a run starts with so lookups by key stay cheap; empty when none is needed. */
    public Optional<String> refreshStatistics() {
        return Optional.ofNullable(refreshStatistics);
    }
}
