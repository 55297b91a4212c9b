package dev.scoreline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One run per store, on H2 and a real PostgreSQL: two stores on one database, as two runs would open it. */
class StoreLockTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    private static final Duration NO_WAIT = Duration.ZERO;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aSecondRunIsRefusedNamingTheFirstUntilItLetsGo(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        try (ScoreStore first = StoreDatabases.open(url); ScoreStore second = StoreDatabases.open(url)) {
            StoreLock held = first.lockForRun(null, NO_WAIT, line -> { });
            held.runId("run-first");
            assertThatThrownBy(() -> second.lockForRun("run-second", NO_WAIT, line -> { }))
                    .isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_LOCKED))
                    .hasMessageStartingWith("another run (run-first, host " + host() + ", pid " + ProcessHandle.current().pid()
                            + ", since ")
                    .hasMessageContaining(") holds this store (");
            held.close();
            try (StoreLock mine = second.lockForRun("run-second", NO_WAIT, line -> { })) {
                assertThat(mine.takenOver()).isEmpty();
                mine.check();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void twoRunsAtTheSameMomentGetOneLock(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        try (ScoreStore a = StoreDatabases.open(url); ScoreStore b = StoreDatabases.open(url)) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            CompletableFuture<?> ta = CompletableFuture.runAsync(() -> outcomes.add(take(a, "run-a", together)));
            CompletableFuture<?> tb = CompletableFuture.runAsync(() -> outcomes.add(take(b, "run-b", together)));
            CompletableFuture.allOf(ta, tb).get(30, TimeUnit.SECONDS);
            assertThat(outcomes).hasSize(2);
            assertThat(outcomes).filteredOn(o -> o instanceof StoreLock).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ScorelineException e && e.code() == ErrorCode.STORE_LOCKED)
                    .hasSize(1);
            outcomes.stream().filter(o -> o instanceof StoreLock).forEach(o -> ((StoreLock) o).close());
            assertThat(count(url, "SELECT COUNT(*) FROM sl_store_lock")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void theLockOfAProcessThatIsGoneIsTakenOver(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (ScoreStore store = StoreDatabases.open(url)) {
            insertHolder(url, "run-crashed", host(), gone.pid(), OffsetDateTime.now(ZoneOffset.UTC));
            List<String> notices = new CopyOnWriteArrayList<>();
            try (StoreLock lock = store.lockForRun("run-next", NO_WAIT, notices::add)) {
                assertThat(lock.takenOver()).hasValueSatisfying(h -> assertThat(h.runId()).isEqualTo("run-crashed"));
                assertThat(notices).singleElement().asString().startsWith("took the store over from a run that died (run-crashed");
                lock.check();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aHolderOnAnotherHostIsAliveWhileItsHeartbeatIsFreshAndDeadWhenItStopped(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        try (ScoreStore store = StoreDatabases.open(url)) {
            insertHolder(url, "run-elsewhere", "another-host", 4242, OffsetDateTime.now(ZoneOffset.UTC));
            assertThatThrownBy(() -> store.lockForRun("run-here", NO_WAIT, line -> { }))
                    .hasMessageStartingWith("another run (run-elsewhere, host another-host, pid 4242, since ");
            try (Connection c = connect(url)) {
                c.createStatement().executeUpdate("UPDATE sl_store_lock SET heartbeat = heartbeat - INTERVAL '2' MINUTE");
            }
            try (StoreLock lock = store.lockForRun("run-here", NO_WAIT, line -> { })) {
                assertThat(lock.takenOver()).hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("another-host"));
                // The frozen run, were it to wake up, finds it no longer holds the store.
                assertThat(count(url, "SELECT COUNT(*) FROM sl_store_lock WHERE run_id = 'run-here'")).isOne();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aRunTakenOverStopsAtItsNextCheck(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        try (ScoreStore store = StoreDatabases.open(url); StoreLock lock = store.lockForRun("run-frozen", NO_WAIT, l -> { })) {
            try (Connection c = connect(url)) {
                c.createStatement().executeUpdate("UPDATE sl_store_lock SET token = 'someone-else', run_id = 'run-new'");
            }
            assertThatThrownBy(lock::check).isInstanceOfSatisfying(ScorelineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_LOCKED)).hasMessageContaining("run-new");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aRunThatWaitsProceedsWhenTheHolderIsDone(String db) throws Exception {
        String url = StoreDatabases.freshUrl(db);
        try (ScoreStore first = StoreDatabases.open(url); ScoreStore second = StoreDatabases.open(url)) {
            StoreLock held = first.lockForRun("run-first", NO_WAIT, line -> { });
            CountDownLatch waiting = new CountDownLatch(1);
            List<String> notices = new CopyOnWriteArrayList<>();
            CompletableFuture<StoreLock> next = CompletableFuture.supplyAsync(() -> second.lockForRun("run-second",
                    Duration.ofMinutes(1), line -> {
                        notices.add(line);
                        waiting.countDown();
                    }));
            assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(next).isNotDone();
            held.close();
            try (StoreLock mine = next.get(30, TimeUnit.SECONDS)) {
                assertThat(notices).containsExactly("waiting for another run (run-first, host " + host() + ", pid "
                        + ProcessHandle.current().pid() + ", since " + notices.get(0).split("since ")[1]);
                assertThat(count(url, "SELECT COUNT(*) FROM sl_store_lock WHERE run_id = 'run-second'")).isOne();
            }
        }
    }

    private static Object take(ScoreStore store, String runId, CyclicBarrier together) {
        try {
            together.await(10, TimeUnit.SECONDS);
            return store.lockForRun(runId, NO_WAIT, line -> { });
        } catch (ScorelineException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host() throws java.net.UnknownHostException {
        return InetAddress.getLocalHost().getHostName();
    }

    private static Connection connect(String url) throws SQLException {
        boolean h2 = url.startsWith("jdbc:h2");
        return DriverManager.getConnection(url, h2 ? "sa" : EmbeddedPostgresDatabases.USER,
                h2 ? "" : EmbeddedPostgresDatabases.PASSWORD);
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = connect(url); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insertHolder(String url, String runId, String host, long pid, OffsetDateTime at) throws SQLException {
        try (Connection c = connect(url); PreparedStatement ps = c.prepareStatement("INSERT INTO sl_store_lock "
                + "(lock_name, token, run_id, host, pid, since, heartbeat) VALUES ('run', 'dead-token', ?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, host);
            ps.setLong(3, pid);
            ps.setObject(4, at);
            ps.setObject(5, at);
            ps.executeUpdate();
        }
    }
}
