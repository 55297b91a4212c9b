package dev.scoreline.plugins.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each way {@link Upsert} writes gives the same table: the last row of each key, nulls kept. */
class UpsertTest {

    private static final Upsert UPSERT = new Upsert("t", List.of("k1", "k2"), List.of("v", "n"),
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL);

    private static final List<Object[]> ROWS = List.of(
            new Object[] {"a", "1", "first", new java.math.BigDecimal("1.5")},
            new Object[] {"a", "2", null, null},
            new Object[] {"a", "1", "last", null});

    @Test
    void updateThenInsertAsOnAnyDatabase() throws Exception {
        assertThat(written(Databases.freshH2(), Upsert.Dialect.OTHER)).containsExactly("a 1 last null", "a 2 null null");
    }

    @Test
    void mergeOnH2() throws Exception {
        assertThat(written(Databases.freshH2(), Upsert.Dialect.H2)).containsExactly("a 1 last null", "a 2 null null");
    }

    @Test
    void insertOnConflictOnPostgres() throws Exception {
        DataSource db = Databases.postgres();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t");
        }
        assertThat(written(db, Upsert.Dialect.POSTGRES)).containsExactly("a 1 last null", "a 2 null null");
    }

    private static List<String> written(DataSource db, Upsert.Dialect dialect) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k1 VARCHAR(10), k2 VARCHAR(10), v VARCHAR(10), n DECIMAL(10, 2),"
                    + " PRIMARY KEY (k1, k2))");
            UPSERT.write(c, dialect, ROWS);
            try (ResultSet rs = s.executeQuery("SELECT k1, k2, v, n FROM t ORDER BY k1, k2")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBigDecimal(4));
                }
            }
        }
        return out;
    }
}
