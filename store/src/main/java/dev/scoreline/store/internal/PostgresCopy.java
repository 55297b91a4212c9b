package dev.scoreline.store.internal;

import dev.scoreline.store.internal.StoreConnection.RowBatch;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's bulk path: rows sent with {@code COPY … FROM STDIN} in CSV, one round trip and one
 * server-side load per execution instead of one statement per row. New rows are copied into their
 * table; updates are copied into a temporary table of the same columns and applied with one
 * {@code UPDATE … FROM}. Values are written as PostgreSQL reads them back: text always quoted (an
 * unquoted empty field is NULL in CSV), numbers plain, instants in ISO-8601 UTC.
 */
final class PostgresCopy implements RowBatch {

    private final CopyManager copy;
    private final Connection connection;
    private final String copySql;
    /** Run before the copy (null: none). */
    private final String before;
    /** Run after the copy (empty: none). */
    private final List<String> after;
    private final StringBuilder rows = new StringBuilder();
    private final int width;
    private int count;

    private PostgresCopy(Connection connection, String copySql, String before, List<String> after, int width)
            throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.copySql = copySql;
        this.before = before;
        this.after = after;
        this.width = width;
    }

    static RowBatch insert(Connection connection, String table, String... columns) throws SQLException {
        return new PostgresCopy(connection, copySql(table, List.of(columns)), null, List.of(), columns.length);
    }

    static RowBatch update(Connection connection, String table, List<String> columns, List<String> keys)
            throws SQLException {
        List<String> all = new ArrayList<>(columns);
        all.addAll(keys);
        String temp = "sl_bulk_" + table + "_" + Integer.toHexString(all.hashCode());
        // Session-local, emptied by every commit; created again after a reconnect.
        String create = "CREATE TEMPORARY TABLE IF NOT EXISTS " + temp + " ON COMMIT DELETE ROWS AS SELECT "
                + String.join(", ", all) + " FROM " + table + " WITH NO DATA";
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(set.length() == 0 ? "" : ", ").append(c).append(" = t.").append(c);
        }
        StringBuilder where = new StringBuilder();
        for (String k : keys) {
            where.append(where.length() == 0 ? "" : " AND ").append(table).append('.').append(k).append(" = t.").append(k);
        }
        // The statistics tell the planner the batch is small: it looks each row up by key, not a scan.
        return new PostgresCopy(connection, copySql(temp, all), create, List.of("ANALYZE " + temp,
                "UPDATE " + table + " SET " + set + " FROM " + temp + " t WHERE " + where, "TRUNCATE " + temp),
                all.size());
    }

    private static String copySql(String table, List<String> columns) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    @Override
    public void add(Object... args) throws SQLException {
        if (args.length != width) {
            throw new IllegalArgumentException(width + " values expected, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            field(args[i]);
        }
        rows.append('\n');
        count++;
    }

    private void field(Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal d) {
            rows.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            rows.append(v);
        } else if (v instanceof Instant t) {
            rows.append(t);
        } else {
            String s = v.toString();
            rows.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                rows.append(c);
                if (c == '"') {
                    rows.append('"');
                }
            }
            rows.append('"');
        }
    }

    @Override
    public void execute() throws SQLException {
        if (count == 0) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            if (before != null) {
                s.execute(before);
            }
            copy.copyIn(copySql, new StringReader(rows.toString()));
            for (String sql : after) {
                s.execute(sql);
            }
        } catch (IOException e) {
            throw new SQLException("COPY into the store failed: " + e.getMessage(), e);
        } finally {
            rows.setLength(0);
            count = 0;
        }
    }

    @Override
    public void close() {
        rows.setLength(0);
        count = 0;
    }
}
