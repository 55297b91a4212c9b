package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.Association;
import dev.scoreline.api.BadLineCounter;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.csv.CsvAdapter;
import dev.scoreline.plugins.internal.SimpleDataSource;
import dev.scoreline.plugins.jsonl.JsonlAdapter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Copies CRM data from any adapter (a jsonl folder, a csv export) into the jdbc adapter's tables,
 * in one transaction. Usable from code or the command line:
 *
 * <pre>
 * java -cp ... dev.scoreline.plugins.jdbc.JdbcLoader --url jdbc:postgresql://localhost/crm --user me \
 *      --password secret --data data/ [--format jsonl|csv] [--append]
 * </pre>
 *
 * Records are upserted by key (the last one wins, as in the engine); events and associations are
 * appended, list memberships added once. {@link #replaceAll} empties the tables first.
 */
public final class JdbcLoader {

    /** What was loaded, and how many source lines the adapter reported as bad. */
    public record Summary(long records, long events, long associations, long listMemberships, long badLines) { }

    private static final int BATCH = 500;

    private final DataSource dataSource;

    public JdbcLoader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Creates the tables if needed, empties them, and loads everything the source gives. */
    public Summary replaceAll(CrmAdapter source, DataProblems problems) throws SQLException {
        return load(source, problems, true);
    }

    /** Creates the tables if needed and adds what the source gives to what is there. */
    public Summary append(CrmAdapter source, DataProblems problems) throws SQLException {
        return load(source, problems, false);
    }

    private Summary load(CrmAdapter source, DataProblems problems, boolean replace) throws SQLException {
        JdbcSchema.createCrmTables(dataSource);
        BadLineCounter counting = new BadLineCounter(problems);
        try (source; Connection c = dataSource.getConnection()) {
            source.open(counting);
            c.setAutoCommit(false);
            try {
                if (replace) {
                    try (Statement s = c.createStatement()) {
                        for (String table : new String[] {"scoreline_record_properties", "scoreline_list_memberships",
                                "scoreline_records", "scoreline_event_properties", "scoreline_events",
                                "scoreline_association_labels", "scoreline_associations"}) {
                            s.executeUpdate("DELETE FROM " + table);
                        }
                    }
                }
                long memberships = 0;
                long[] counts = new long[3];
                try (Memberships lists = new Memberships(c)) {
                    counts[0] = loadRecords(c, source, lists);
                    try (Stream<ListMembership> s = source.listMemberships()) {
                        for (ListMembership m : (Iterable<ListMembership>) s::iterator) {
                            lists.add(m.list(), m.record());
                        }
                    }
                    lists.flush();
                    memberships = lists.added;
                }
                counts[1] = loadEvents(c, source);
                counts[2] = loadAssociations(c, source);
                c.commit();
                return new Summary(counts[0], counts[1], counts[2], memberships, counting.badLines());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private long loadRecords(Connection c, CrmAdapter source, Memberships lists) throws SQLException {
        long count = 0;
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM scoreline_records WHERE record_type = ? AND record_id = ?");
             PreparedStatement deleteProps = c.prepareStatement(
                     "DELETE FROM scoreline_record_properties WHERE record_type = ? AND record_id = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO scoreline_records (record_type, record_id) VALUES (?, ?)");
             PreparedStatement props = c.prepareStatement("INSERT INTO scoreline_record_properties"
                     + " (record_type, record_id, prop_name, prop_index, prop_value, prop_type) VALUES (?, ?, ?, ?, ?, ?)");
             Stream<CrmRecord> records = source.records()) {
            Set<RecordKey> inBatch = new HashSet<>();
            for (CrmRecord r : (Iterable<CrmRecord>) records::iterator) {
                if (!inBatch.add(r.key()) || inBatch.size() > BATCH) {
                    // A key twice in one batch: its delete must run after its first insert.
                    execute(deleteProps, delete, insert, props);
                    inBatch.clear();
                    inBatch.add(r.key());
                }
                for (PreparedStatement d : new PreparedStatement[] {deleteProps, delete}) {
                    d.setString(1, r.key().type());
                    d.setString(2, r.key().id());
                    d.addBatch();
                }
                insert.setString(1, r.key().type());
                insert.setString(2, r.key().id());
                insert.addBatch();
                for (Map.Entry<String, Object> p : r.properties().entrySet()) {
                    for (PropertyRows.Row row : PropertyRows.rows(p.getValue())) {
                        props.setString(1, r.key().type());
                        props.setString(2, r.key().id());
                        props.setString(3, p.getKey());
                        setIndex(props, 4, row.index());
                        props.setString(5, row.value());
                        props.setString(6, row.type());
                        props.addBatch();
                    }
                }
                for (String list : r.lists()) {
                    lists.add(list, r.key());
                }
                count++;
            }
            execute(deleteProps, delete, insert, props);
        }
        return count;
    }

    private long loadEvents(Connection c, CrmAdapter source) throws SQLException {
        long id = nextId(c, "scoreline_events", "event_id");
        long count = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO scoreline_events"
                     + " (event_id, record_type, record_id, event_type, occurred_at) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement props = c.prepareStatement("INSERT INTO scoreline_event_properties"
                     + " (event_id, prop_name, prop_index, prop_value, prop_type) VALUES (?, ?, ?, ?, ?)");
             Stream<CrmEvent> events = source.events()) {
            for (CrmEvent e : (Iterable<CrmEvent>) events::iterator) {
                insert.setLong(1, id);
                insert.setString(2, e.record().type());
                insert.setString(3, e.record().id());
                insert.setString(4, e.type());
                insert.setObject(5, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                insert.addBatch();
                for (Map.Entry<String, Object> p : e.properties().entrySet()) {
                    for (PropertyRows.Row row : PropertyRows.rows(p.getValue())) {
                        props.setLong(1, id);
                        props.setString(2, p.getKey());
                        setIndex(props, 3, row.index());
                        props.setString(4, row.value());
                        props.setString(5, row.type());
                        props.addBatch();
                    }
                }
                id++;
                if (++count % BATCH == 0) {
                    execute(insert, props);
                }
            }
            execute(insert, props);
        }
        restartIdentity(c, "scoreline_events", "event_id", id);
        return count;
    }

    private long loadAssociations(Connection c, CrmAdapter source) throws SQLException {
        long id = nextId(c, "scoreline_associations", "association_id");
        long count = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO scoreline_associations"
                     + " (association_id, from_type, from_id, to_type, to_id) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement labels = c.prepareStatement(
                     "INSERT INTO scoreline_association_labels (association_id, label) VALUES (?, ?)");
             Stream<Association> associations = source.associations()) {
            for (Association a : (Iterable<Association>) associations::iterator) {
                insert.setLong(1, id);
                insert.setString(2, a.from().type());
                insert.setString(3, a.from().id());
                insert.setString(4, a.to().type());
                insert.setString(5, a.to().id());
                insert.addBatch();
                for (String label : a.labels()) {
                    labels.setLong(1, id);
                    labels.setString(2, label);
                    labels.addBatch();
                }
                id++;
                if (++count % BATCH == 0) {
                    execute(insert, labels);
                }
            }
            execute(insert, labels);
        }
        restartIdentity(c, "scoreline_associations", "association_id", id);
        return count;
    }

    /** List memberships, each added once however often the source names it. */
    private static final class Memberships implements AutoCloseable {
        private final PreparedStatement insert;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> existing;
        long added;
        private int pending;

        Memberships(Connection c) throws SQLException {
            insert = c.prepareStatement(
                    "INSERT INTO scoreline_list_memberships (list_name, record_type, record_id) VALUES (?, ?, ?)");
            existing = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT list_name, record_type, record_id FROM scoreline_list_memberships")) {
                while (rs.next()) {
                    existing.add(rs.getString(1) + "\u0000" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }

        void add(String list, RecordKey record) throws SQLException {
            String key = list + "\u0000" + record;
            if (existing.contains(key) || !seen.add(key)) {
                return;
            }
            insert.setString(1, list);
            insert.setString(2, record.type());
            insert.setString(3, record.id());
            insert.addBatch();
            added++;
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            insert.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    private static void execute(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
    }

    private static void setIndex(PreparedStatement s, int parameter, Integer index) throws SQLException {
        if (index == null) {
            s.setNull(parameter, Types.INTEGER);
        } else {
            s.setInt(parameter, index);
        }
    }

    private static long nextId(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** Ids were given explicitly; move the identity on so rows inserted later by others do not collide. */
    private static void restartIdentity(Connection c, String table, String column, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
        }
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) throws Exception {
        String url = null;
        String user = null;
        String password = System.getenv("SCORELINE_JDBC_PASSWORD");
        Path data = null;
        String format = "jsonl";
        boolean append = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url": url = value(args, ++i, a); break;
                case "--user": user = value(args, ++i, a); break;
                case "--password": password = value(args, ++i, a); break;
                case "--data": data = Path.of(value(args, ++i, a)); break;
                case "--format": format = value(args, ++i, a); break;
                case "--append": append = true; break;
                default:
                    usage("unknown option " + a);
            }
        }
        if (url == null || data == null) {
            usage("--url and --data are required");
        }
        CrmAdapter source;
        switch (format) {
            case "jsonl": source = new JsonlAdapter(data); break;
            case "csv": source = new CsvAdapter(data); break;
            default: usage("--format is jsonl or csv, got " + format); return;
        }
        DataProblems stderr = new DataProblems() {
            @Override
            public void badLine(String s, long line, String reason) {
                System.err.println(s + ":" + line + ": bad line skipped: " + reason);
            }

            @Override
            public void warning(String s, long line, String message) {
                System.err.println(s + ":" + line + ": warning: " + message);
            }
        };
        JdbcLoader loader = new JdbcLoader(new SimpleDataSource(url, user, password));
        Summary summary = append ? loader.append(source, stderr) : loader.replaceAll(source, stderr);
        System.err.println("loaded " + summary.records() + " records, " + summary.events() + " events, "
                + summary.associations() + " associations, " + summary.listMemberships() + " list memberships; "
                + summary.badLines() + " bad lines skipped");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("JdbcLoader: " + problem);
        System.err.println("usage: JdbcLoader --url JDBC_URL [--user U] [--password P | env SCORELINE_JDBC_PASSWORD]"
                + " --data DIR [--format jsonl|csv] [--append]");
        System.exit(2);
    }
}
