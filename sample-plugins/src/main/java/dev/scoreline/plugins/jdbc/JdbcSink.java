package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.UpdateJson;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keeps score properties in the {@code scoreline_scores} table ({@code scores-schema.sql}): one
 * row per record and score, upserted, with value, status, engagement and fit (combined scores),
 * the groups as JSON, the previous value and status, the cause and when.
 *
 * <p>Each batch is one transaction, committed before {@link #write} returns: a batch the sink
 * accepted is stored. Updates of one record are applied in batch order, so the last one stays.
 * PostgreSQL upserts with {@code INSERT ... ON CONFLICT}, H2 with {@code MERGE ... KEY}, any other
 * database with an UPDATE then, for rows not there, an INSERT.
 */
public final class JdbcSink implements ScoreSink {

    private static final String COLUMNS = "record_type, record_id, score, score_value, status, engagement, fit,"
            + " groups_json, previous_value, previous_status, cause, updated_at";
    private static final String PARAMS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private enum Dialect { POSTGRES, H2, OTHER }

    private final DataSource dataSource;
    private final boolean createTable;
    private Connection connection;
    private Dialect dialect;

    public JdbcSink(DataSource dataSource) {
        this(dataSource, true);
    }

    /** @param createTable create {@code scoreline_scores} on open when it is not there */
    public JdbcSink(DataSource dataSource, boolean createTable) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.createTable = createTable;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public synchronized void open() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return;
        }
        if (createTable) {
            JdbcSchema.createScoreTable(dataSource);
        }
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        dialect = JdbcSchema.isPostgres(connection) ? Dialect.POSTGRES
                : JdbcSchema.isH2(connection) ? Dialect.H2 : Dialect.OTHER;
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = null;
            open();
        }
        try {
            if (dialect == Dialect.OTHER) {
                writeByUpdateThenInsert(updates);
            } else {
                String sql = dialect == Dialect.POSTGRES
                        ? "INSERT INTO scoreline_scores (" + COLUMNS + ") VALUES (" + PARAMS + ")"
                          + " ON CONFLICT (record_type, record_id, score) DO UPDATE SET"
                          + " score_value = EXCLUDED.score_value, status = EXCLUDED.status,"
                          + " engagement = EXCLUDED.engagement, fit = EXCLUDED.fit, groups_json = EXCLUDED.groups_json,"
                          + " previous_value = EXCLUDED.previous_value, previous_status = EXCLUDED.previous_status,"
                          + " cause = EXCLUDED.cause, updated_at = EXCLUDED.updated_at"
                        : "MERGE INTO scoreline_scores (" + COLUMNS + ") KEY (record_type, record_id, score)"
                          + " VALUES (" + PARAMS + ")";
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    for (ScoreUpdate u : updates) {
                        bind(s, u, 1);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
                closeQuietly();  // a broken connection: reconnect on the next write
            }
            throw e;
        }
    }

    private void writeByUpdateThenInsert(List<ScoreUpdate> updates) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE scoreline_scores SET score_value = ?,"
                     + " status = ?, engagement = ?, fit = ?, groups_json = ?, previous_value = ?, previous_status = ?,"
                     + " cause = ?, updated_at = ? WHERE record_type = ? AND record_id = ? AND score = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO scoreline_scores (" + COLUMNS + ") VALUES (" + PARAMS + ")")) {
            for (ScoreUpdate u : updates) {
                ScoreResult r = u.result();
                update.setBigDecimal(1, r.value());
                update.setString(2, r.status());
                setDecimal(update, 3, r.engagement());
                setDecimal(update, 4, r.fit());
                update.setString(5, UpdateJson.line(r.groups()));
                setDecimal(update, 6, u.previousValue());
                update.setString(7, u.previousStatus());
                update.setString(8, u.cause());
                update.setObject(9, OffsetDateTime.ofInstant(u.at(), ZoneOffset.UTC));
                update.setString(10, r.record().type());
                update.setString(11, r.record().id());
                update.setString(12, r.score());
                if (update.executeUpdate() == 0) {
                    bind(insert, u, 1);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement s, ScoreUpdate u, int first) throws SQLException {
        ScoreResult r = u.result();
        int i = first;
        s.setString(i++, r.record().type());
        s.setString(i++, r.record().id());
        s.setString(i++, r.score());
        s.setBigDecimal(i++, r.value());
        s.setString(i++, r.status());
        setDecimal(s, i++, r.engagement());
        setDecimal(s, i++, r.fit());
        s.setString(i++, UpdateJson.line(r.groups()));
        setDecimal(s, i++, u.previousValue());
        s.setString(i++, u.previousStatus());
        s.setString(i++, u.cause());
        s.setObject(i, OffsetDateTime.ofInstant(u.at(), ZoneOffset.UTC));
    }

    private static void setDecimal(PreparedStatement s, int i, BigDecimal value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DECIMAL);
        } else {
            s.setBigDecimal(i, value);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken; the next write opens a new connection
        }
        connection = null;
    }
}
