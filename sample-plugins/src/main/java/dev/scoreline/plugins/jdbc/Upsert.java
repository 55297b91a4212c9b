package dev.scoreline.plugins.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows inserted into a table, or updated where a row with the same key is there, in the order
 * given (so of two rows with one key the last stays): PostgreSQL with
 * {@code INSERT ... ON CONFLICT}, H2 with {@code MERGE ... KEY}, any other database with an UPDATE
 * then, for rows not there, an INSERT. A row holds the key columns' values, then the others'.
 */
final class Upsert {

    enum Dialect { POSTGRES, H2, OTHER }

    private final String table;
    private final List<String> keys;
    private final List<String> values;
    /** The keys, then the values: the order of a row. */
    private final List<String> columns;
    /** The {@link java.sql.Types} of every column, keys first: what a {@code null} is bound as. */
    private final int[] sqlTypes;

    Upsert(String table, List<String> keys, List<String> values, int... sqlTypes) {
        if (sqlTypes.length != keys.size() + values.size()) {
            throw new IllegalArgumentException(sqlTypes.length + " types for " + (keys.size() + values.size()) + " columns");
        }
        this.table = table;
        this.keys = List.copyOf(keys);
        this.values = List.copyOf(values);
        List<String> all = new ArrayList<>(keys);
        all.addAll(values);
        this.columns = List.copyOf(all);
        this.sqlTypes = sqlTypes.clone();
    }

    /** Writes the rows on {@code c}; the caller commits. */
    void write(Connection c, Dialect dialect, List<Object[]> rows) throws SQLException {
        if (dialect == Dialect.OTHER) {
            updateThenInsert(c, rows);
            return;
        }
        try (PreparedStatement s = c.prepareStatement(dialect == Dialect.POSTGRES ? insertOnConflict() : merge())) {
            for (Object[] row : rows) {
                bind(s, row, columns);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private String insert() {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ")" + valuesClause();
    }

    private String valuesClause() {
        return " VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    private String insertOnConflict() {
        return insert() + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                + values.stream().map(v -> v + " = EXCLUDED." + v).collect(Collectors.joining(", "));
    }

    private String merge() {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys) + ")"
                + valuesClause();
    }

    private void updateThenInsert(Connection c, List<Object[]> rows) throws SQLException {
        String update = "UPDATE " + table + " SET " + values.stream().map(v -> v + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        List<String> updateOrder = new ArrayList<>(values);
        updateOrder.addAll(keys);
        try (PreparedStatement u = c.prepareStatement(update); PreparedStatement i = c.prepareStatement(insert())) {
            for (Object[] row : rows) {
                bind(u, row, updateOrder);
                if (u.executeUpdate() == 0) {
                    bind(i, row, columns);
                    i.executeUpdate();
                }
            }
        }
    }

    /** Binds the row's values in the order of {@code order}, a permutation of the columns. */
    private void bind(PreparedStatement s, Object[] row, List<String> order) throws SQLException {
        for (int p = 0; p < order.size(); p++) {
            int column = columns.indexOf(order.get(p));
            if (row[column] == null) {
                s.setNull(p + 1, sqlTypes[column]);
            } else {
                s.setObject(p + 1, row[column]);
            }
        }
    }
}
