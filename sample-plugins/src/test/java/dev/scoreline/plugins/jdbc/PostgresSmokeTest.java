package dev.scoreline.plugins.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSmokeTest {
    @Test
    void starts() throws Exception {
        try (EmbeddedPostgres pg = RootSafePostgres.start();
             Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            System.out.println(rs.getString(1));
        }
    }
}
