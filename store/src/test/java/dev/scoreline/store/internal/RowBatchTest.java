package dev.scoreline.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.store.internal.StoreConnection.RowBatch;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk rows a run writes ({@link StoreConnection#insertRows}, {@link StoreConnection#updateRows})
 * come back exactly as given on both databases: on PostgreSQL they travel as CSV through COPY, so
 * quotes, commas, line breaks, empty texts and nulls, decimals and instants are the cases to hold.
 */
class RowBatchTest {

    private static final List<String> AWKWARD = List.of("plain", "with \"quotes\"", "a, b", "line\nbreak", "",
            "\\N", "trailing \\", "ünïcode ✓", "\"");

    private static StoreConnection open(String db) {
        if (db.equals("h2")) {
            return StoreConnection.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 100);
        }
        return StoreConnection.open(EmbeddedPostgresDatabases.freshDatabaseUrl(), EmbeddedPostgresDatabases.USER,
                EmbeddedPostgresDatabases.PASSWORD, 100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void insertedAndUpdatedRowsReadBackAsGiven(String db) {
        try (StoreConnection c = open(db)) {
            Instant at = Instant.parse("2026-03-01T12:34:56.789Z");
            c.tx(() -> {
                try (RowBatch insert = c.insertRows("sl_current", "score_name", "record_key", "score_value", "status",
                        "updated_at", "seen_run", "next_change")) {
                    for (int i = 0; i < AWKWARD.size(); i++) {
                        insert.add("S", "contact:" + i, new BigDecimal("12.3400000001"), AWKWARD.get(i), at, "r1",
                                i % 2 == 0 ? null : at.plusSeconds(i));
                    }
                    insert.execute();
                }
                return null;
            });
            assertThat(rows(c)).containsExactlyElementsOf(expected(at, "r1", 0));

            c.tx(() -> {
                try (RowBatch update = c.updateRows("sl_current", List.of("status", "seen_run", "next_change"),
                        List.of("score_name", "record_key"))) {
                    for (int i = 0; i < AWKWARD.size(); i++) {
                        update.add(AWKWARD.get(AWKWARD.size() - 1 - i), "r2", at.plusSeconds(100 + i), "S", "contact:" + i);
                    }
                    update.execute();
                    // A second execution in the same transaction applies only its own rows.
                    update.add("once more", "r3", null, "S", "contact:0");
                    update.execute();
                }
                return null;
            });
            List<String> after = new ArrayList<>();
            for (int i = 0; i < AWKWARD.size(); i++) {
                after.add(row(i, i == 0 ? "once more" : AWKWARD.get(AWKWARD.size() - 1 - i), i == 0 ? "r3" : "r2",
                        i == 0 ? null : at.plusSeconds(100 + i), at));
            }
            assertThat(rows(c)).containsExactlyElementsOf(after);
        }
    }

    private static List<String> expected(Instant at, String run, int shift) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            out.add(row(i, AWKWARD.get(i), run, i % 2 == 0 ? null : at.plusSeconds(i + shift), at));
        }
        return out;
    }

    private static String row(int i, String status, String run, Instant next, Instant updated) {
        return "contact:" + i + "|12.3400000001|" + status + "|" + updated + "|" + run + "|" + next;
    }

    private static List<String> rows(StoreConnection c) {
        return c.tx(() -> c.query("SELECT record_key, score_value, status, updated_at, seen_run, next_change "
                + "FROM sl_current ORDER BY LENGTH(record_key), record_key", rs -> rs.getString(1) + "|"
                + Values.readable(rs.getBigDecimal(2)).toPlainString() + "|" + rs.getString(3) + "|" + Values.instant(rs, 4)
                + "|" + rs.getString(5) + "|" + Values.instant(rs, 6)));
    }
}
