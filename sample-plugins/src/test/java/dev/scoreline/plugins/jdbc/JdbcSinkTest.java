package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSinkTest {

    private static final List<ScoreUpdate> RUN = List.of(
            TestUpdates.update("Lead score", "contact:c1", "10", "Low").group("Fit", "10").build(),
            TestUpdates.update("Lead score", "contact:c2", "20.5", "Low").build(),
            TestUpdates.update("Lead score", "contact:c1", "42.25", "High").previous("10", "Low").cause("form").build(),
            TestUpdates.update("Combined", "contact:c1", "80", "A1").combined("40", "40").build(),
            TestUpdates.update("Deal score", "deal:d1", "55.5", "Medium").property("hs_deal", "hs_deal_tier").build());

    @Test
    void upsertsOneRowPerRecordAndScoreOnH2() throws Exception {
        check(Databases.freshH2());
    }

    @Test
    void upsertsOneRowPerRecordAndScoreOnPostgres() throws Exception {
        DataSource db = Databases.postgres();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS scoreline_scores");
            s.execute("DROP TABLE IF EXISTS scoreline_score_properties");
        }
        check(db);
    }

    private static void check(DataSource db) throws Exception {
        SinkTestKit.drive(new JdbcSink(db), List.of(RUN.subList(0, 2), RUN.subList(2, 5)));
        // A second run with the same last update changes nothing.
        SinkTestKit.drive(new JdbcSink(db), List.of(RUN.subList(2, 3)));

        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_type, record_id, score, score_value, status, engagement, fit,"
                     + " groups_json, previous_value, previous_status, cause FROM scoreline_scores"
                     + " ORDER BY record_id, score")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getBigDecimal(4).toPlainString() + " " + rs.getString(5) + " " + rs.getBigDecimal(6) + " "
                        + rs.getBigDecimal(7) + " " + rs.getString(8) + " " + rs.getBigDecimal(9) + " " + rs.getString(10)
                        + " " + rs.getString(11));
            }
        }
        assertThat(rows).containsExactly(
                "contact:c1 Combined 80.00 A1 40.00 40.00 {} null null test",
                "contact:c1 Lead score 42.25 High null null {} 10.00 Low form",
                "contact:c2 Lead score 20.50 Low null null {} null null test",
                "deal:d1 Deal score 55.50 Medium null null {} null null test");
        // The same scores as record properties: the names written, derived, and a combined score's four.
        assertThat(properties(db)).containsExactly(
                "contact:c1 combined 80 number Combined",
                "contact:c1 combined_engagement 40 number Combined",
                "contact:c1 combined_fit 40 number Combined",
                "contact:c1 combined_status A1 text Combined",
                "contact:c1 lead_score 42.25 number Lead score",
                "contact:c1 lead_score_status High text Lead score",
                "contact:c2 lead_score 20.5 number Lead score",
                "contact:c2 lead_score_status Low text Lead score",
                "deal:d1 hs_deal 55.5 number Deal score",
                "deal:d1 hs_deal_tier Medium text Deal score");
        leavingTheScopeDeletesTheRecordsRows(db);
    }

    /** A left-scope update of contact:c1's Lead score, after a later value in the same batch is upserted. */
    private static void leavingTheScopeDeletesTheRecordsRows(DataSource db) throws Exception {
        ScoreUpdate left = ScoreUpdate.leftScope("Lead score", RecordKey.parse("contact:c1"), null, new BigDecimal("42.25"),
                "High", Instant.parse("2026-03-01T00:00:00Z"), "list \"Leads\" removed");
        ScoreUpdate c2 = TestUpdates.update("Lead score", "contact:c2", "30", "Medium").previous("20.5", "Low").build();
        SinkTestKit.drive(new JdbcSink(db), List.of(List.of(c2, left)));
        List<String> scores = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_id, score, score_value FROM scoreline_scores ORDER BY record_id, score")) {
            while (rs.next()) {
                scores.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
            }
        }
        assertThat(scores).containsExactly("c1 Combined 80.00", "c2 Lead score 30.00", "d1 Deal score 55.50");
        assertThat(properties(db)).filteredOn(p -> p.startsWith("contact:c1 lead_score")).isEmpty();
        assertThat(properties(db)).contains("contact:c1 combined 80 number Combined", "contact:c2 lead_score 30 number Lead score");
    }

    private static List<String> properties(DataSource db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_type, record_id, prop_name, prop_value, prop_type, score"
                     + " FROM scoreline_score_properties ORDER BY record_type, record_id, prop_name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6));
            }
        }
        return out;
    }
}
