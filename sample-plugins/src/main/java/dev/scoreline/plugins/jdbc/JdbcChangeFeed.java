package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The change feed of the jdbc adapter: records (with their properties) and list memberships whose
 * changed column (say {@code updated_at}) is later than the watermark's, events and associations
 * whose id is higher than the watermark's (their ids grow as rows are added). The watermark is the
 * highest of each when it was taken: {@code records=INSTANT;lists=INSTANT;events=ID;associations=ID}
 * ({@code -} for an empty table).
 *
 * <p>What such a feed cannot see, it does not claim: a deleted record or list membership, a
 * removed association, or a row written with a changed column older than the last run's (set it
 * from the database clock at each write). For those run with {@code --full}. Without the column on
 * {@code scoreline_records} and {@code scoreline_list_memberships} there is no feed (one warning
 * names the table), and every run scores everything.
 */
final class JdbcChangeFeed implements ChangeFeed {

    private static final String TABLES_WITH_COLUMN = "scoreline_records, scoreline_list_memberships";

    /** The highest changed instants and ids of the tables at one time: a watermark. */
    private record Mark(OffsetDateTime records, OffsetDateTime lists, long events, long associations) {

        static Mark parse(String text) {
            String[] parts = text.split(";");
            if (parts.length != 4 || !parts[0].startsWith("records=") || !parts[1].startsWith("lists=")
                    || !parts[2].startsWith("events=") || !parts[3].startsWith("associations=")) {
                throw new IllegalArgumentException("not a jdbc watermark (records=…;lists=…;events=…;associations=…): \""
                        + text + "\"");
            }
            return new Mark(instant(value(parts[0])), instant(value(parts[1])), Long.parseLong(value(parts[2])),
                    Long.parseLong(value(parts[3])));
        }

        private static String value(String part) {
            return part.substring(part.indexOf('=') + 1);
        }

        private static OffsetDateTime instant(String text) {
            return text.equals("-") ? null : OffsetDateTime.parse(text);
        }

        String text() {
            return "records=" + (records == null ? "-" : records) + ";lists=" + (lists == null ? "-" : lists)
                    + ";events=" + events + ";associations=" + associations;
        }
    }

    private final JdbcAdapter adapter;
    private final DataSource dataSource;
    private final String column;

    private JdbcChangeFeed(JdbcAdapter adapter, DataSource dataSource, String column) {
        this.adapter = adapter;
        this.dataSource = dataSource;
        this.column = column;
    }

    /** The feed, when a changed column is configured and the tables have it; a warning says when they do not. */
    static Optional<ChangeFeed> of(JdbcAdapter adapter, DataSource dataSource, String column, DataProblems problems) {
        if (column == null) {
            return Optional.empty();
        }
        for (String table : TABLES_WITH_COLUMN.split(", ")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0").close();
            } catch (SQLException e) {
                problems.warning(table, 0, "has no column " + column + " (the adapter's changed-column), so the jdbc "
                        + "adapter has no change feed and every run scores everything; add it to " + TABLES_WITH_COLUMN);
                return Optional.empty();
            }
        }
        return Optional.of(new JdbcChangeFeed(adapter, dataSource, column));
    }

    @Override
    public String currentWatermark() {
        return now().text();
    }

    @Override
    public Batch changesSince(String watermark) {
        Mark since = watermark == null ? new Mark(null, null, 0, 0) : Mark.parse(watermark);
        // Read up to the marks taken first: a row written meanwhile is left for the next poll, not missed.
        Mark upTo = now();
        List<DataChange> changes = new ArrayList<>();
        collect(adapter.records(changedBetween("r", since.records(), upTo.records())), DataChange.RecordUpserted::new,
                changes);
        collect(adapter.listMemberships(changedBetween("m", since.lists(), upTo.lists())),
                DataChange.ListMembershipAdded::new, changes);
        collect(adapter.associations(idBetween("a.association_id", since.associations(), upTo.associations())),
                DataChange.AssociationAdded::new, changes);
        collect(adapter.events(idBetween("e.event_id", since.events(), upTo.events())), DataChange.EventAppended::new,
                changes);
        return new Batch(changes, upTo.text());
    }

    private static <T> void collect(Stream<T> facts, Function<T, DataChange> change, List<DataChange> into) {
        try (facts) {
            facts.forEach(f -> into.add(change.apply(f)));
        }
    }

    private JdbcAdapter.Filter changedBetween(String alias, OffsetDateTime after, OffsetDateTime upTo) {
        if (upTo == null) {
            return new JdbcAdapter.Filter("1 = 0", List.of());
        }
        String col = alias + "." + column;
        return after == null ? new JdbcAdapter.Filter(col + " <= ?", List.of(upTo))
                : new JdbcAdapter.Filter(col + " > ? AND " + col + " <= ?", List.of(after, upTo));
    }

    private static JdbcAdapter.Filter idBetween(String id, long after, long upTo) {
        return new JdbcAdapter.Filter(id + " > ? AND " + id + " <= ?", List.of(after, upTo));
    }

    /** The highest changed instants and ids now. */
    private Mark now() {
        String sql = "SELECT (SELECT MAX(" + column + ") FROM scoreline_records), (SELECT MAX(" + column
                + ") FROM scoreline_list_memberships), (SELECT MAX(event_id) FROM scoreline_events), "
                + "(SELECT MAX(association_id) FROM scoreline_associations)";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Mark(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
                    rs.getLong(4));
        } catch (SQLException e) {
            throw new IllegalStateException("jdbc adapter: cannot read where the tables end: " + e.getMessage(), e);
        }
    }
}
