package dev.scoreline.plugins.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import javax.sql.DataSource;

/** The databases the JDBC tests run on: H2 in memory, and one real PostgreSQL per test JVM. */
final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() { }

    static DataSource freshH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** The shared PostgreSQL server, started on first use and stopped when the JVM exits. */
    static synchronized DataSource postgres() {
        if (postgres == null) {
            try {
                postgres = RootSafePostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres.getPostgresDatabase();
    }
}
