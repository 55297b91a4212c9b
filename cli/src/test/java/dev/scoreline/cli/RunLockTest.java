package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.store.ScoreStore;
import dev.scoreline.store.StoreLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per store, through the command line: {@code scoreline run} in real JVM processes on the
 * quickstart's embedded H2 file, which the test's own process also opens (and serves, H2's
 * automatic mixed mode), as a second user at the same machine would.
 */
class RunLockTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
    }

    @TempDir
    Path dir;

    @Test
    void aSecondRunFailsWithTheHolderAndARunThatWaitsGoesOnWhenItIsDone() throws Exception {
        Path config = RunCommandTest.quickstart(dir);
        ScoreStore store = ScoreStore.embedded(dir.resolve("scoreline-data"));
        StoreLock held = store.lockForRun("run-held-by-the-test", Duration.ZERO, line -> { });

        Process refused = scoreline("run", config.toString());
        assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.exitValue()).as(err).isEqualTo(Main.STORE_UNAVAILABLE);
        assertThat(err).startsWith("error[SL604]: another run (run-held-by-the-test, host ")
                .contains(", pid " + ProcessHandle.current().pid() + ", since ").doesNotContain("\tat ");

        Process waits = scoreline("run", "--wait=2m", config.toString());
        BufferedReader lines = new BufferedReader(new InputStreamReader(waits.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String l = lines.readLine(); l != null && !l.contains("waiting for another run"); l = lines.readLine()) {
            seen.add(l);
        }
        assertThat(waits.isAlive()).as("still waiting; stderr: " + seen).isTrue();
        held.close();
        store.close(); // the waiting process was served by this one: it now opens the file itself
        String rest = new String(waits.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waits.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(waits.exitValue()).as(seen + rest).isZero();
        assertThat(new String(waits.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("scored ");
        assertConsistent(1);
    }

    @Test
    void twoRunsStartedTogetherNeverBothWriteNorLeaveARunUnfinished() throws Exception {
        Path config = RunCommandTest.quickstart(dir);
        Process a = scoreline("run", config.toString());
        Process b = scoreline("run", config.toString());
        List<String> errs = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (Process p : List.of(a, b)) {
            errs.add(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            exits.add(p.exitValue());
        }
        // Either one was refused while the other ran, or the second started after the first was done.
        assertThat(exits).as(errs.toString()).contains(0).allMatch(e -> e == 0 || e == Main.STORE_UNAVAILABLE);
        for (int i = 0; i < 2; i++) {
            if (exits.get(i) != 0) {
                assertThat(errs.get(i)).as(errs.toString()).contains("error[SL604]: another run (");
            }
            assertThat(errs.get(i)).doesNotContain("SL603", "\tat ");
        }
        assertConsistent(exits.stream().filter(e -> e == 0).count());
    }

    /** No run left running or superseded, one run id per run that succeeded (each over the three scores), no lock left. */
    private void assertConsistent(long runs) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                ScoreStore.embeddedUrl(dir.resolve("scoreline-data")), "sa", "");
             java.sql.Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sl_run WHERE state <> 'done'")).isZero();
            assertThat(count(s, "SELECT COUNT(DISTINCT run_id) FROM sl_run")).isEqualTo(runs);
            assertThat(count(s, "SELECT COUNT(*) FROM sl_run")).isEqualTo(3 * runs);
            assertThat(count(s, "SELECT COUNT(*) FROM sl_store_lock")).isZero();
        }
    }

    private static long count(java.sql.Statement s, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process scoreline(String... args) throws IOException {
        return scoreline(dir, args);
    }

    /** {@code scoreline ARGS} in its own JVM started in {@code dir}, on this test's classpath. */
    static Process scoreline(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "dev.scoreline.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }
}
