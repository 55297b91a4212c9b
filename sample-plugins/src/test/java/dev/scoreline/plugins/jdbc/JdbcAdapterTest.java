package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.CrmRecord;
import dev.scoreline.testkit.AdapterContents;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.testkit.RecordedProblems;
import dev.scoreline.plugins.ConformanceData;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance data loaded into tables reads back as the same facts, on H2 and on PostgreSQL. */
class JdbcAdapterTest {

    static List<String> cases() {
        return ConformanceData.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void h2GivesTheFactsJsonlGives(String name) throws Exception {
        assertSameFacts(name, Databases.freshH2());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void postgresGivesTheFactsJsonlGives(String name) throws Exception {
        assertSameFacts(name, Databases.postgres());
    }

    private static void assertSameFacts(String name, DataSource db) throws Exception {
        JsonlAdapter jsonl = new JsonlAdapter(ConformanceData.dir(name));
        JdbcLoader.Summary summary = new JdbcLoader(db).replaceAll(jsonl, new RecordedProblems());
        AdapterContents expected = AdapterTestKit.read(new JsonlAdapter(ConformanceData.dir(name)));
        assertThat(summary.records()).isEqualTo(expected.records().size());

        AdapterContents actual = AdapterTestKit.checkContract(() -> new JdbcAdapter(db));

        assertThat(actual.problems().all()).isEmpty();
        assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
        // Types survive the tables exactly: numbers stay BigDecimal with their digits.
        assertThat(sortedRecords(actual)).isEqualTo(sortedRecords(expected));
    }

    private static List<String> sortedRecords(AdapterContents contents) {
        return contents.records().stream().map(r -> r.key() + "=" + new java.util.TreeMap<>(r.properties())).sorted().toList();
    }

    @Test
    void rowsWrittenByHandAreReadAndBadOnesReported() throws Exception {
        DataSource db = Databases.freshH2();
        JdbcSchema.createCrmTables(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO scoreline_records VALUES ('contact', 'c1'), ('contact', '')");
            s.execute("INSERT INTO scoreline_record_properties (record_type, record_id, prop_name, prop_index, prop_value)"
                    + " VALUES ('contact', 'c1', 'jobtitle', NULL, 'CTO'), ('contact', 'c1', 'state', 1, 'West'),"
                    + " ('contact', 'c1', 'state', 0, 'East')");
            s.execute("INSERT INTO scoreline_record_properties VALUES ('contact', 'c1', 'revenue', NULL, 'lots', 'number')");
            s.execute("INSERT INTO scoreline_events (record_type, record_id, event_type, occurred_at)"
                    + " VALUES ('contact', 'c1', 'form', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+02')");
            s.execute("INSERT INTO scoreline_event_properties VALUES (1, 'pages', NULL, '3', 'number')");
        }
        AdapterContents read = AdapterTestKit.read(new JdbcAdapter(db));

        assertThat(read.records()).extracting(CrmRecord::properties).containsExactly(
                Map.of("jobtitle", "CTO", "state", List.of("East", "West")));
        assertThat(read.events()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.parse("2026-01-02T08:00:00Z"));
            assertThat(e.properties()).isEqualTo(Map.of("pages", new BigDecimal("3")));
        });
        assertThat(read.problems().badLineLocations()).containsExactly("scoreline_records:1");
        assertThat(read.problems().warnings()).singleElement().asString()
                .contains("contact:c1", "revenue", "\"lots\" is not one");
    }

    @Test
    void aStreamClosedEarlyReleasesItsConnection() throws Exception {
        DataSource db = Databases.postgres();
        new JdbcLoader(db).replaceAll(new JsonlAdapter(ConformanceData.dir("01-lead-worked-example")), new RecordedProblems());
        JdbcAdapter adapter = new JdbcAdapter(db);
        for (int i = 0; i < 40; i++) {  // more than the server's 20 connections
            try (Stream<CrmRecord> records = adapter.records()) {
                assertThat(records.findFirst()).isPresent();
            }
        }
    }
}
