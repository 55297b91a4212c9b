package dev.scoreline.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The dialect is told from the real database, and what it changes works there. */
class DialectTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    @Test
    void productNamesGiveTheirDialect() {
        assertThat(Dialect.forProduct("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.forProduct("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.forProduct(null)).isEqualTo(Dialect.H2);
        assertThat(Dialect.H2.refreshStatistics()).isEmpty();
        assertThat(Dialect.POSTGRESQL.refreshStatistics()).contains("ANALYZE sl_current");
        assertThat(Dialect.H2.inListChunk()).isLessThan(Dialect.POSTGRESQL.inListChunk());
    }

    /** 450 keys: more than one IN list on H2, one on PostgreSQL; every row found once, with its lead bound. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aConnectionKnowsItsDialectAndChunksLookupsByIt(String kind) throws SQLException {
        boolean h2 = kind.equals("h2");
        String url = h2 ? "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" : EmbeddedPostgresDatabases.freshDatabaseUrl();
        try (StoreConnection db = StoreConnection.open(url, h2 ? "sa" : EmbeddedPostgresDatabases.USER,
                h2 ? "" : EmbeddedPostgresDatabases.PASSWORD, 100)) {
            assertThat(db.dialect()).isEqualTo(h2 ? Dialect.H2 : Dialect.POSTGRESQL);
            List<String> keys = new ArrayList<>();
            db.tx(() -> {
                for (int i = 0; i < 450; i++) {
                    String key = "contact:c" + i;
                    keys.add(key);
                    for (String score : List.of("A", "B")) {
                        db.update("INSERT INTO sl_current (score_name, record_key, score_value, status, updated_at, seen_run) "
                                + "VALUES (?, ?, ?, 'Low', ?, 'r')", score, key, new java.math.BigDecimal(i), db.now());
                    }
                }
                return null;
            });
            List<String> found = new ArrayList<>();
            db.tx(() -> {
                if (db.dialect().refreshStatistics().isPresent()) {
                    db.update(db.dialect().refreshStatistics().get());
                }
                db.inChunks("SELECT record_key FROM sl_current WHERE score_name = ? AND record_key IN ", List.of("A"),
                        keys.subList(0, 449), rs -> found.add(rs.getString(1)));
                return null;
            });
            assertThat(found).hasSize(449).doesNotHaveDuplicates().containsAll(keys.subList(0, 449));
            assertThat(CurrentValueWrites.lookup(db, "B", keys)).hasSize(450)
                    .hasEntrySatisfying("contact:c12", row -> assertThat(row.value()).isEqualByComparingTo("12"));
        }
    }
}
