package dev.scoreline.plugins.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.DataChange;
import dev.scoreline.plugins.internal.SimpleDataSource;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import dev.scoreline.testkit.RecordedProblems;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The jdbc adapter's change feed by a changed column, on H2 and on a real PostgreSQL. */
class JdbcChangeFeedTest {

    static DataSource database(String kind) throws SQLException {
        DataSource db = kind.equals("h2") ? Databases.freshH2() : new SimpleDataSource(
                EmbeddedPostgresDatabases.freshDatabaseUrl(), EmbeddedPostgresDatabases.USER, EmbeddedPostgresDatabases.PASSWORD);
        JdbcSchema.createCrmTables(db);
        return db;
    }

    static void sql(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rowsChangedSinceTheWatermarkAreTheFeed(String kind) throws SQLException {
        DataSource db = database(kind);
        sql(db, "ALTER TABLE scoreline_records ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE",
                "ALTER TABLE scoreline_list_memberships ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE",
                "INSERT INTO scoreline_records VALUES ('contact', 'c1', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00')",
                "INSERT INTO scoreline_record_properties (record_type, record_id, prop_name, prop_value) "
                        + "VALUES ('contact', 'c1', 'jobtitle', 'Intern')",
                "INSERT INTO scoreline_events (record_type, record_id, event_type, occurred_at) "
                        + "VALUES ('contact', 'c1', 'a', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00')");
        RecordedProblems problems = new RecordedProblems();
        ChangeFeed feed = AdapterTestKit.openFeed(new JdbcAdapter(db, "updated_at"), problems);
        String start = feed.currentWatermark();
        assertThat(start).isEqualTo(feed.changesSince(null).nextWatermark());
        assertThat(feed.changesSince(null).changes()).hasSize(2);
        assertThat(feed.changesSince(start).changes()).isEmpty();

        sql(db, "UPDATE scoreline_record_properties SET prop_value = 'CTO' WHERE record_id = 'c1'",
                "UPDATE scoreline_records SET updated_at = TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00' WHERE record_id = 'c1'",
                "INSERT INTO scoreline_records VALUES ('company', 'a1', TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00')",
                "INSERT INTO scoreline_list_memberships VALUES ('VIP', 'contact', 'c1', TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00')",
                "INSERT INTO scoreline_associations (from_type, from_id, to_type, to_id) VALUES ('contact', 'c1', 'company', 'a1')",
                "INSERT INTO scoreline_events (record_type, record_id, event_type, occurred_at) "
                        + "VALUES ('contact', 'c1', 'b', TIMESTAMP WITH TIME ZONE '2026-01-03 10:00:00+00')");
        ChangeFeed.Batch batch = feed.changesSince(start);
        assertThat(batch.changes()).extracting(c -> c.getClass().getSimpleName()).containsExactly(
                "RecordUpserted", "RecordUpserted", "ListMembershipAdded", "AssociationAdded", "EventAppended");
        assertThat(batch.changes()).filteredOn(DataChange.RecordUpserted.class::isInstance)
                .extracting(c -> ((DataChange.RecordUpserted) c).record().key() + " " + ((DataChange.RecordUpserted) c).record()
                        .properties()).containsExactly("company:a1 {}", "contact:c1 " + Map.of("jobtitle", "CTO"));
        assertThat(((DataChange.EventAppended) batch.changes().get(4)).event().type()).isEqualTo("b");
        assertThat(batch.nextWatermark()).isEqualTo(feed.currentWatermark());
        assertThat(feed.changesSince(batch.nextWatermark()).changes()).isEmpty();
        assertThat(problems.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void withoutTheColumnThereIsNoFeedAndOneWarningSaysWhy(String kind) throws SQLException {
        DataSource db = database(kind);
        RecordedProblems problems = new RecordedProblems();
        JdbcAdapter missing = new JdbcAdapter(db, "updated_at");
        missing.open(problems);
        assertThat(missing.changeFeed()).isEmpty();
        assertThat(problems.warnings()).singleElement().asString().contains("scoreline_records",
                "has no column updated_at (the adapter's changed-column)", "every run scores everything");

        assertThat(new JdbcAdapter(db).changeFeed()).as("no changed column configured").isEqualTo(Optional.empty());
    }
}
