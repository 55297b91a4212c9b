package dev.scoreline.store;

import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.util.UUID;

/**
 * The databases the store tests run on: a fresh H2 in memory per test, and a fresh database per
 * test on the testkit's real PostgreSQL server (one per test JVM).
 */
final class StoreDatabases {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";

    private StoreDatabases() { }

    /** A JDBC URL of an empty database; it outlives the connections to it (so a store can reopen it). */
    static String freshUrl(String kind) {
        if (H2.equals(kind)) {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        return EmbeddedPostgresDatabases.freshDatabaseUrl();
    }

    static ScoreStore open(String url) {
        boolean h2 = url.startsWith("jdbc:h2");
        return ScoreStore.open(url, h2 ? "sa" : EmbeddedPostgresDatabases.USER, h2 ? "" : EmbeddedPostgresDatabases.PASSWORD);
    }
}
