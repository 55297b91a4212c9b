package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.StderrProblems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Reads CRM data from the tables of {@code crm-schema.sql} (see {@link JdbcSchema}) on PostgreSQL,
 * H2 or any database that runs that DDL.
 *
 * <p>Each stream runs one query on its own connection, in a read-only transaction with a fetch size,
 * so rows stream from the server instead of loading whole tables (PostgreSQL streams only inside a
 * transaction). Closing the stream closes the connection. A row that cannot be read (an unknown
 * {@code prop_type}, a number that is not one, a blank key) is skipped and reported with its table
 * and, for events and associations, its id as the "line".
 */
public final class JdbcAdapter implements CrmAdapter {

    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    /** The column of scoreline_records and scoreline_list_memberships that says when a row changed; null: none. */
    private final String changedColumn;
    private volatile DataProblems problems = StderrProblems.INSTANCE;

    public JdbcAdapter(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * An adapter with a change feed when {@code changedColumn} (say {@code updated_at}, a
     * {@code TIMESTAMP WITH TIME ZONE} the loader sets whenever a record, one of its properties, or
     * a list membership is written) is on the tables; see {@link JdbcChangeFeed}.
     */
    public JdbcAdapter(DataSource dataSource, String changedColumn) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (changedColumn != null && !changedColumn.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("changed-column must be a column name (letters, digits, _), got \""
                    + changedColumn + "\"");
        }
        this.changedColumn = changedColumn;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public void open(DataProblems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * The rows changed since a watermark, when the tables have the configured changed column:
     * records (with their properties) and list memberships by that column, events and associations
     * by their ids. Without it the adapter has none, and every run scores everything.
     */
    @Override
    public java.util.Optional<dev.scoreline.api.ChangeFeed> changeFeed() {
        return JdbcChangeFeed.of(this, dataSource, changedColumn, problems);
    }

    @Override
    public Stream<CrmRecord> records() {
        return records(Filter.NONE);
    }

    /** The records the filter keeps ({@code r.} is scoreline_records). */
    Stream<CrmRecord> records(Filter filter) {
        String sql = "SELECT r.record_type, r.record_id, p.prop_name, p.prop_index, p.prop_value, p.prop_type"
                + " FROM scoreline_records r LEFT JOIN scoreline_record_properties p"
                + " ON p.record_type = r.record_type AND p.record_id = r.record_id" + filter.where()
                + " ORDER BY r.record_type, r.record_id, p.prop_name, p.prop_index";
        return grouped(sql, filter, new Grouper<CrmRecord>() {
            RecordKey key;
            Properties properties;
            long row;

            @Override
            public CrmRecord add(ResultSet rs) throws SQLException {
                row++;
                RecordKey next = key(rs.getString(1), rs.getString(2), "scoreline_records", row);
                if (next == null) {
                    return finish();
                }
                CrmRecord done = null;
                if (!next.equals(key)) {
                    done = finish();
                    key = next;
                    properties = new Properties("scoreline_record_properties", next.toString());
                }
                properties.add(rs.getString(3), rs.getObject(4), rs.getString(5), rs.getString(6));
                return done;
            }

            @Override
            public CrmRecord finish() {
                CrmRecord done = key == null ? null : new CrmRecord(key, properties.done());
                key = null;
                return done;
            }
        });
    }

    @Override
    public Stream<CrmEvent> events() {
        return events(Filter.NONE);
    }

    /** The events the filter keeps ({@code e.} is scoreline_events). */
    Stream<CrmEvent> events(Filter filter) {
        String sql = "SELECT e.event_id, e.record_type, e.record_id, e.event_type, e.occurred_at,"
                + " p.prop_name, p.prop_index, p.prop_value, p.prop_type"
                + " FROM scoreline_events e LEFT JOIN scoreline_event_properties p ON p.event_id = e.event_id"
                + filter.where() + " ORDER BY e.event_id, p.prop_name, p.prop_index";
        return grouped(sql, filter, new Grouper<CrmEvent>() {
            long id = Long.MIN_VALUE;
            RecordKey record;
            String type;
            OffsetDateTime at;
            Properties properties;
            boolean bad;

            @Override
            public CrmEvent add(ResultSet rs) throws SQLException {
                long next = rs.getLong(1);
                CrmEvent done = null;
                if (next != id) {
                    done = finish();
                    id = next;
                    bad = false;
                    record = key(rs.getString(2), rs.getString(3), "scoreline_events", id);
                    type = rs.getString(4);
                    at = rs.getObject(5, OffsetDateTime.class);
                    if (record == null) {
                        bad = true;
                    } else if (type == null || type.isBlank()) {
                        problems.badLine("scoreline_events", id, "event_type is empty");
                        bad = true;
                    }
                    properties = new Properties("scoreline_event_properties", "event " + id);
                }
                if (!bad) {
                    properties.add(rs.getString(6), rs.getObject(7), rs.getString(8), rs.getString(9));
                }
                return done;
            }

            @Override
            public CrmEvent finish() {
                if (id == Long.MIN_VALUE || bad) {
                    return null;
                }
                id = Long.MIN_VALUE;
                return new CrmEvent(record, type, at.toInstant(), properties.done());
            }
        });
    }

    @Override
    public Stream<Association> associations() {
        return associations(Filter.NONE);
    }

    /** The associations the filter keeps ({@code a.} is scoreline_associations). */
    Stream<Association> associations(Filter filter) {
        String sql = "SELECT a.association_id, a.from_type, a.from_id, a.to_type, a.to_id, l.label"
                + " FROM scoreline_associations a LEFT JOIN scoreline_association_labels l"
                + " ON l.association_id = a.association_id" + filter.where() + " ORDER BY a.association_id, l.label";
        return grouped(sql, filter, new Grouper<Association>() {
            long id = Long.MIN_VALUE;
            RecordKey from;
            RecordKey to;
            Set<String> labels;

            @Override
            public Association add(ResultSet rs) throws SQLException {
                long next = rs.getLong(1);
                Association done = null;
                if (next != id) {
                    done = finish();
                    id = next;
                    from = key(rs.getString(2), rs.getString(3), "scoreline_associations", id);
                    to = key(rs.getString(4), rs.getString(5), "scoreline_associations", id);
                    labels = new LinkedHashSet<>();
                }
                String label = rs.getString(6);
                if (label != null && !label.isBlank()) {
                    labels.add(label);
                }
                return done;
            }

            @Override
            public Association finish() {
                if (id == Long.MIN_VALUE || from == null || to == null) {
                    return null;
                }
                id = Long.MIN_VALUE;
                return new Association(from, to, labels);
            }
        });
    }

    @Override
    public Stream<ListMembership> listMemberships() {
        return listMemberships(Filter.NONE);
    }

    /** The list memberships the filter keeps ({@code m.} is scoreline_list_memberships). */
    Stream<ListMembership> listMemberships(Filter filter) {
        String sql = "SELECT m.list_name, m.record_type, m.record_id FROM scoreline_list_memberships m" + filter.where()
                + " ORDER BY m.record_type, m.record_id, m.list_name";
        return grouped(sql, filter, new Grouper<ListMembership>() {
            long row;

            @Override
            public ListMembership add(ResultSet rs) throws SQLException {
                row++;
                RecordKey key = key(rs.getString(2), rs.getString(3), "scoreline_list_memberships", row);
                String list = rs.getString(1);
                if (key == null) {
                    return null;
                }
                if (list == null || list.isBlank()) {
                    problems.badLine("scoreline_list_memberships", row, "list_name is empty");
                    return null;
                }
                return new ListMembership(list, key);
            }

            @Override
            public ListMembership finish() {
                return null;
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcAdapter[" + dataSource + "]";
    }

    // ---------------------------------------------------------------- helpers

    private RecordKey key(String type, String id, String table, long line) {
        if (type == null || type.isEmpty() || id == null || id.isEmpty()) {
            problems.badLine(table, line, "the record key needs a type and an id, got type \"" + type
                    + "\" and id \"" + id + "\"");
            return null;
        }
        if (type.indexOf(':') >= 0) {
            problems.badLine(table, line, "a record type must not contain ':', got \"" + type + "\"");
            return null;
        }
        return new RecordKey(type, id);
    }

    /** Collects the property rows of one record or event, values in index order. */
    private final class Properties {
        final String table;
        final String owner;
        final Map<String, Object> values = new LinkedHashMap<>();

        Properties(String table, String owner) {
            this.table = table;
            this.owner = owner;
        }

        @SuppressWarnings("unchecked")
        void add(String name, Object index, String value, String type) {
            if (name == null) {
                return;  // the LEFT JOIN row of a record or event without properties
            }
            Object parsed;
            try {
                parsed = PropertyRows.value(value, type);
            } catch (IllegalArgumentException e) {
                problems.warning(table, 0, owner + ", property \"" + name + "\": " + e.getMessage() + "; value dropped");
                return;
            }
            if (index == null) {
                if (values.containsKey(name)) {
                    problems.warning(table, 0, owner + ", property \"" + name
                            + "\" has several rows without prop_index; the last one is kept");
                }
                values.put(name, parsed);
            } else {
                Object list = values.get(name);
                if (!(list instanceof List)) {
                    list = new ArrayList<>();
                    values.put(name, list);
                }
                ((List<Object>) list).add(parsed);
            }
        }

        Map<String, Object> done() {
            values.replaceAll((k, v) -> v instanceof List<?> l ? Collections.unmodifiableList(l) : v);
            return Collections.unmodifiableMap(values);
        }
    }

    /** Builds items from consecutive rows; {@code add} returns an item when a row starts the next one. */
    private interface Grouper<T> {
        T add(ResultSet rs) throws SQLException;

        T finish();
    }

    /** A condition on the rows a query reads, with its parameters: what a change feed asks for. */
    record Filter(String condition, List<Object> parameters) {
        static final Filter NONE = new Filter(null, List.of());

        String where() {
            return condition == null ? "" : " WHERE " + condition;
        }
    }

    private <T> Stream<T> grouped(String sql, Filter filter, Grouper<T> grouper) {
        QuerySpliterator<T> spliterator = new QuerySpliterator<>(sql, filter.parameters(), grouper);
        return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
    }

    private final class QuerySpliterator<T> extends Spliterators.AbstractSpliterator<T> {
        private final String sql;
        private final List<Object> parameters;
        private final Grouper<T> grouper;
        private Connection connection;
        private PreparedStatement statement;
        private ResultSet rows;
        private boolean done;

        QuerySpliterator(String sql, List<Object> parameters, Grouper<T> grouper) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.sql = sql;
            this.parameters = parameters;
            this.grouper = grouper;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (done) {
                return false;
            }
            try {
                if (rows == null) {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(false);
                    connection.setReadOnly(true);
                    statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    rows = statement.executeQuery();
                }
                while (rows.next()) {
                    T item = grouper.add(rows);
                    if (item != null) {
                        action.accept(item);
                        return true;
                    }
                }
                T last = grouper.finish();
                close();
                if (last != null) {
                    action.accept(last);
                    return true;
                }
                return false;
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("jdbc adapter: query failed: " + e.getMessage(), e);
            }
        }

        void close() {
            done = true;
            try {
                if (connection != null) {
                    try {
                        connection.rollback();  // read-only: nothing to keep
                    } finally {
                        connection.close();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("jdbc adapter: cannot close the connection: " + e.getMessage(), e);
            } finally {
                connection = null;
                statement = null;
            }
        }
    }
}
