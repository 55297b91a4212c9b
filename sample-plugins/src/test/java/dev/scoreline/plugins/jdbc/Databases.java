package dev.scoreline.plugins.jdbc;

import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The databases the JDBC tests run on: H2 in memory, and the testkit's real PostgreSQL. */
final class Databases {

    private Databases() { }

    static DataSource freshH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** The shared PostgreSQL server's database, started on first use and stopped when the JVM exits. */
    static DataSource postgres() {
        return EmbeddedPostgresDatabases.postgres();
    }
}
