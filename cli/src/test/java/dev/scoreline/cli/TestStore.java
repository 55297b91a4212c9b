package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.store.ScoreStore;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store a command-line test runs on, by name: {@code h2}, the embedded store of the test's
 * folder ({@code store: embedded}), or {@code postgresql}, a fresh database of the testkit's
 * embedded PostgreSQL. The same test then runs on both, as the operator's failure paths must.
 */
record TestStore(String db, String url, String user, String password) {

    static TestStore of(String db, Path dir) {
        return db.equals("h2")
                ? new TestStore(db, ScoreStore.embeddedUrl(dir.resolve("scoreline-data")), "sa", "")
                : new TestStore(db, EmbeddedPostgresDatabases.freshDatabaseUrl(), EmbeddedPostgresDatabases.USER,
                        EmbeddedPostgresDatabases.PASSWORD);
    }

    /** The config's {@code store:} line. */
    String configLine() {
        return db.equals("h2") ? "store: embedded\n" : "store: {url: \"%s\", user: %s, password: %s}\n".formatted(url, user, password);
    }

    /** The quickstart's config (its {@code store: embedded}) made to use this store. */
    Path use(Path config) throws IOException {
        String text = Files.readString(config);
        assertThat(text).contains("\nstore: embedded\n");
        Files.writeString(config, text.replace("\nstore: embedded\n", "\n" + configLine()));
        return config;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** No run left running, one run id per run that succeeded, no lock left. */
    void assertConsistent(long runs, int scores) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sl_run WHERE state <> 'done'")).isZero();
            assertThat(count(s, "SELECT COUNT(DISTINCT run_id) FROM sl_run")).isEqualTo(runs);
            assertThat(count(s, "SELECT COUNT(*) FROM sl_run")).isEqualTo(scores * runs);
            assertThat(count(s, "SELECT COUNT(*) FROM sl_store_lock")).isZero();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
