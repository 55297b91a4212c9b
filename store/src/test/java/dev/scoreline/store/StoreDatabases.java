package dev.scoreline.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the store tests run on: a fresh H2 in memory per test, and a fresh database per
 * test on one real PostgreSQL server per test JVM.
 */
final class StoreDatabases {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private StoreDatabases() { }

    /** A JDBC URL of an empty database; it outlives the connections to it (so a store can reopen it). */
    static String freshUrl(String kind) {
        if (H2.equals(kind)) {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        EmbeddedPostgres pg = postgres();
        String db = "store_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
        return pg.getJdbcUrl("postgres", db);
    }

    static ScoreStore open(String url) {
        return ScoreStore.open(url, url.startsWith("jdbc:h2") ? "sa" : "postgres", url.startsWith("jdbc:h2") ? "" : "postgres");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = RootSafePostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }
}
