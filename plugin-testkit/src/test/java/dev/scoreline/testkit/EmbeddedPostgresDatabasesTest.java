package dev.scoreline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded server is a real PostgreSQL, and each fresh database is empty and its own. */
class EmbeddedPostgresDatabasesTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    @Test
    void freshDatabasesAreEmptySeparateAndOutliveTheirConnections() throws SQLException {
        String first = EmbeddedPostgresDatabases.freshDatabaseUrl();
        String second = EmbeddedPostgresDatabases.freshDatabaseUrl();
        assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql://");
        try (Connection c = open(first); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, note TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'kept')");
        }
        try (Connection c = open(first); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM t WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        try (Connection c = open(second); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 't'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theSharedDatabaseIsAPostgresqlServer() throws SQLException {
        try (Connection c = EmbeddedPostgresDatabases.postgres().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(EmbeddedPostgresDatabases.server()).isSameAs(EmbeddedPostgresDatabases.server());
    }

    private static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresDatabases.USER, EmbeddedPostgresDatabases.PASSWORD);
    }
}
