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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One run per store, through the command line: {@code scoreline run} in real JVM processes on the
 * quickstart's embedded H2 file, which the test's own process also opens (and serves, H2's
 * automatic mixed mode), as a second user at the same machine would; two runs at once on H2 and on
 * a real PostgreSQL.
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
        TestStore.of("h2", dir).assertConsistent(1, 3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void twoRunsStartedTogetherNeverBothWriteNorLeaveARunUnfinished(String db) throws Exception {
        TestStore store = TestStore.of(db, dir);
        Path config = store.use(RunCommandTest.quickstart(dir));
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
                assertThat(errs.get(i)).as(errs.toString()).contains("error[SL604]: another run (", ", pid ", ", since ");
            }
            assertThat(errs.get(i)).doesNotContain("SL603", "\tat ");
        }
        store.assertConsistent(exits.stream().filter(e -> e == 0).count(), 3);
    }

    private Process scoreline(String... args) throws IOException {
        return scoreline(dir, args);
    }

    @Test
    void aFollowToldToStopClosesItsSinksPrintsItsSummaryAndLetsGoOfTheStore() throws Exception {
        Path config = RunCommandTest.quickstart(dir);
        Process following = scoreline("run", "--follow", "--poll", "0.2", config.toString());
        Path out = dir.resolve("out/scores.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(out) && Files.readAllLines(out).size() == 880) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // a few polls
        following.toHandle().destroy(); // SIGTERM, as a service manager stops it (Process.destroy would close its pipes)
        assertThat(following.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(following.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(following.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stdout).as(stderr).startsWith("scored 880 results from 800 records").contains("sink jsonl: 880 delivered");
        assertThat(stderr).doesNotContain("could not flush", "could not close", "error[", "\tat ");
        assertThat(Files.readAllLines(out)).hasSize(880);

        CliRunner next = CliRunner.run("run", config.toString());
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.err()).doesNotContain("took the store over");
    }

    /** {@code scoreline ARGS} in its own JVM started in {@code dir}, on this test's classpath. */
    static Process scoreline(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "dev.scoreline.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }
}
