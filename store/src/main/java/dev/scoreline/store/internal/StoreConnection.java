package dev.scoreline.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's one JDBC connection: transactions, prepared statements with bound values, chunked
 * {@code IN (…)} lookups, and the settings every part of the store shares (its clock and batch
 * size). All work on it is serialized: it is the store's lock.
 */
public final class StoreConnection implements AutoCloseable {

    /** Work inside one transaction. */
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Reads one row of a result. */
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Takes one row of a result. */
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** H2's "connection is broken" (org.h2.api.ErrorCode.CONNECTION_BROKEN_1). */
    private static final int H2_CONNECTION_BROKEN = 90067;
    /** Attempts to reach an embedded store again after the process that served it went away. */
    private static final int RECONNECT_ATTEMPTS = 20;

    private Connection connection;
    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int batchSize;

    private StoreConnection(Connection connection, String url, String user, String password, Dialect dialect,
                            int batchSize) {
        this.connection = connection;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dialect = dialect;
        this.batchSize = batchSize;
    }

    /**
     * Connects to {@code url} and migrates its schema. The connection stays open while Flyway
     * migrates, so an in-memory database lives on.
     */
    public static StoreConnection open(String url, String user, String password, int batchSize) {
        Objects.requireNonNull(url, "url");
        Connection c = connect(url, user, password);
        try {
            Schema.migrate(url, user, password);
            Dialect dialect = Dialect.of(c);
            prepare(c, dialect);
            return new StoreConnection(c, url, user, password, dialect, batchSize);
        } catch (SQLException e) {
            closeQuietly(c);
            throw StoreErrors.cannotOpen(url, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Instant now() {
        return clock.instant();
    }

    public void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Results per transaction when applying a run. */
    public int batchSize() {
        return batchSize;
    }

    public void batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * <p>An embedded store opened by several processes ({@code AUTO_SERVER}) is served by the first
     * one; when that process ends, the others' connections break. The work is then run once more on
     * a new connection (which finds the next server, or opens the file itself): it had been rolled
     * back, and the store's work only changes its own state once the transaction returned.
     */
    public synchronized <T> T tx(SqlWork<T> work) {
        try {
            return attempt(work);
        } catch (SQLException e) {
            if (!servedByAnotherProcess() || !isBroken(e)) {
                throw StoreErrors.failed(url, e);
            }
        }
        reconnect();
        try {
            return attempt(work);
        } catch (SQLException e) {
            throw StoreErrors.failed(url, e);
        }
    }

    private <T> T attempt(SqlWork<T> work) throws SQLException {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback();
            throw e;
        }
    }

    /** Whether the URL lets another process serve this embedded store (H2's automatic mixed mode). */
    private boolean servedByAnotherProcess() {
        return url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE");
    }

    private boolean isBroken(SQLException e) {
        try {
            return e.getErrorCode() == H2_CONNECTION_BROKEN || StoreErrors.isConnectionLost(e) || connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    /** A new connection to the same store, tried for a few seconds while the serving process hands the file over. */
    private void reconnect() {
        closeQuietly(connection);
        connection = retrying(url, e -> true, () -> {
            Connection c = DriverManager.getConnection(url, user, password);
            prepare(c, dialect);
            return c;
        });
    }

    /**
     * A connection to {@code url}. An embedded H2 store that another process is just opening (it holds
     * the file before its AUTO_SERVER port is published) answers "already in use" for a moment: that
     * is tried again for a few seconds, so two runs started together meet at the store lock instead.
     */
    private static Connection connect(String url, String user, String password) {
        return retrying(url, StoreErrors::alreadyInUse, () -> DriverManager.getConnection(url, user, password));
    }

    /**
     * {@code attempt}, tried again every 250 ms (up to {@value #RECONNECT_ATTEMPTS} times in all) while
     * it fails in a way {@code worthRetrying} accepts; the last failure is a coded open failure.
     */
    private static Connection retrying(String url, java.util.function.Predicate<SQLException> worthRetrying,
                                       SqlWork<Connection> attempt) {
        try {
            return Retries.every250ms(RECONNECT_ATTEMPTS, e -> e instanceof SQLException s && worthRetrying.test(s),
                    attempt::run);
        } catch (SQLException e) {
            throw StoreErrors.cannotOpen(url, e);
        }
    }

    /** Commits reach the disk before they return (H2 delays them otherwise), and transactions are ours. */
    private static void prepare(Connection c, Dialect dialect) throws SQLException {
        if (dialect.durableCommits().isPresent()) {
            try (var s = c.createStatement()) {
                s.execute(dialect.durableCommits().get());
            }
        }
        c.setAutoCommit(false);
    }

    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT into a table with an identity column {@code id} and returns the new row's id. */
    public long insertReturningId(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    public long count(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of the query, read by {@code reader}. */
    public <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        each(sql, rs -> out.add(reader.read(rs)), args);
        return out;
    }

    /** The first row of the query, if any. */
    public <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
    }

    /** Hands every row of the query to {@code handler}. */
    public void each(String sql, RowHandler handler, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    /**
     * Runs {@code sqlPrefix + "(?, ?, …)"} for the keys, as many at a time as the dialect likes,
     * with {@code lead} bound before them.
     */
    public void inChunks(String sqlPrefix, List<?> lead, List<String> keys, RowHandler handler) throws SQLException {
        int size = dialect.inListChunk();
        for (int i = 0; i < keys.size(); i += size) {
            List<Object> args = new ArrayList<>(lead);
            args.addAll(keys.subList(i, Math.min(keys.size(), i + size)));
            each(sqlPrefix + placeholders(args.size() - lead.size()), handler, args.toArray());
        }
    }

    /** A statement run many times in one round trip: {@link RowBatch#add} each row, then execute. */
    public RowBatch batch(String sql) throws SQLException {
        return new PreparedBatch(connection.prepareStatement(sql));
    }

    /**
     * New rows of {@code table}, values given in the order of {@code columns}: a batch of prepared
     * inserts, or on PostgreSQL one {@code COPY … FROM STDIN} per execution (a run's bulk of new
     * current values and history rows; docs/store.md, "Writing in bulk").
     */
    public RowBatch insertRows(String table, String... columns) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresCopy.insert(connection, table, columns);
        }
        return batch("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + placeholders(columns.length));
    }

    /**
     * Updates of rows of {@code table} found by {@code keys}: each row gives the values of
     * {@code columns}, then of {@code keys}. A batch of prepared updates, or on PostgreSQL the rows
     * copied into a temporary table and one {@code UPDATE … FROM} it per execution.
     */
    public RowBatch updateRows(String table, List<String> columns, List<String> keys) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return PostgresCopy.update(connection, table, columns, keys);
        }
        return batch("UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE "
                + String.join(" = ? AND ", keys) + " = ?");
    }

    public PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            bind(ps, args);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** {@code (?, ?, …)} with {@code n} parameters. */
    public static String placeholders(int n) {
        StringBuilder b = new StringBuilder(n * 3 + 2).append('(');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (a instanceof BigDecimal d) {
                ps.setBigDecimal(i + 1, d);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw StoreErrors.failed(url, e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters.
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing.
        }
    }

    /** Rows collected for one execution: a batch of a prepared statement, or a bulk copy. */
    public interface RowBatch extends AutoCloseable {
        /** Adds one row's values, in the order the batch was made with. */
        void add(Object... args) throws SQLException;

        /** Writes every row added since the last execution. */
        void execute() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** A prepared statement collecting rows for one batch execution. */
    private static final class PreparedBatch implements RowBatch {
        private final PreparedStatement statement;

        private PreparedBatch(PreparedStatement statement) {
            this.statement = statement;
        }

        @Override
        public void add(Object... args) throws SQLException {
            bind(statement, args);
            statement.addBatch();
        }

        @Override
        public void execute() throws SQLException {
            statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
