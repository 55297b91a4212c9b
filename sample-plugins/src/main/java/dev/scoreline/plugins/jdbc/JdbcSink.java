package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.UpdateJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keeps scores in two tables ({@code scores-schema.sql}), both upserted: {@code scoreline_scores},
 * one row per record and score with value, status, engagement and fit (combined scores), the groups
 * as JSON, the previous value and status, the cause and when; and
 * {@code scoreline_score_properties}, one row per record and score property
 * ({@code ScoreResult.propertyValues()}: the value, the status and, for combined scores, the
 * engagement and fit, under the names the score's {@code property} and {@code status property}
 * lines give or derive), typed as the CRM property table is, so a score reads as record properties.
 *
 * <p>Each batch is one transaction, committed before {@link #write} returns: a batch the sink
 * accepted is stored. Updates of one record are applied in batch order, so the last one stays. A
 * {@linkplain ScoreUpdate#leftScope() left-scope} update deletes the record's row of that score
 * and its property rows.
 * How a row is upserted on each database is {@link Upsert}'s.
 */
public final class JdbcSink implements ScoreSink {

    private static final Upsert SCORES = new Upsert("scoreline_scores", List.of("record_type", "record_id", "score"),
            List.of("score_value", "status", "engagement", "fit", "groups_json", "previous_value", "previous_status",
                    "cause", "updated_at"),
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL,
            Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE);
    private static final Upsert PROPERTIES = new Upsert("scoreline_score_properties",
            List.of("record_type", "record_id", "prop_name"), List.of("prop_value", "prop_type", "score", "updated_at"),
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE);

    private final DataSource dataSource;
    private final boolean createTable;
    private Connection connection;
    private Upsert.Dialect dialect;

    public JdbcSink(DataSource dataSource) {
        this(dataSource, true);
    }

    /** @param createTable create the sink's tables on open when they are not there */
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
        dialect = JdbcSchema.isPostgres(connection) ? Upsert.Dialect.POSTGRES
                : JdbcSchema.isH2(connection) ? Upsert.Dialect.H2 : Upsert.Dialect.OTHER;
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = null;
            open();
        }
        List<Object[]> scores = new ArrayList<>();
        List<Object[]> properties = new ArrayList<>();
        try {
            for (ScoreUpdate u : updates) {
                if (u.leftScope()) {
                    // Upserts before it first: updates of one record stay in batch order.
                    upsert(scores, properties);
                    delete(u.result());
                } else {
                    rows(u, scores, properties);
                }
            }
            upsert(scores, properties);
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

    private static void rows(ScoreUpdate u, List<Object[]> scores, List<Object[]> properties) {
        ScoreResult r = u.result();
        OffsetDateTime at = OffsetDateTime.ofInstant(u.at(), ZoneOffset.UTC);
        scores.add(new Object[] {r.record().type(), r.record().id(), r.score(), r.value(), r.status(), r.engagement(),
                r.fit(), UpdateJson.line(r.groups()), u.previousValue(), u.previousStatus(), u.cause(), at});
        for (Map.Entry<String, Object> p : r.propertyValues().entrySet()) {
            PropertyRows.Row row = PropertyRows.rows(p.getValue()).get(0);
            properties.add(new Object[] {r.record().type(), r.record().id(), p.getKey(), row.value(), row.type(),
                    r.score(), at});
        }
    }

    private void upsert(List<Object[]> scores, List<Object[]> properties) throws SQLException {
        if (scores.isEmpty()) {
            return;
        }
        SCORES.write(connection, dialect, scores);
        PROPERTIES.write(connection, dialect, properties);
        scores.clear();
        properties.clear();
    }

    /**
     * A record that left the score's scope has no score: its row and its property rows go (a
     * reader of the property table then finds no such property, as for a record never scored).
     */
    private void delete(ScoreResult r) throws SQLException {
        for (String table : List.of("scoreline_scores", "scoreline_score_properties")) {
            try (PreparedStatement st = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE record_type = ? AND record_id = ? AND score = ?")) {
                st.setString(1, r.record().type());
                st.setString(2, r.record().id());
                st.setString(3, r.score());
                st.executeUpdate();
            }
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
