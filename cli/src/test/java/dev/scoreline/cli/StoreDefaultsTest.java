package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defaults that agree: {@code run} without CONFIG uses ./scoreline.yaml and says so, and the
 * commands that read a store find the one it wrote, without --store, or with --config from elsewhere.
 */
class StoreDefaultsTest {

    @Test
    void historyFindsTheStoreRunWroteWithoutBeingToldWhere(@TempDir Path dir) throws Exception {
        Path config = RunCommandTest.quickstart(dir);
        Process run = RunLockTest.scoreline(dir, "run");
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(err).isZero();
        assertThat(err).startsWith("scoreline run: using scoreline.yaml (found here)\n")
                .doesNotContainIgnoringCase("flyway").doesNotContain("Migrating", "\tat ");
        assertThat(out).startsWith("scored ").contains("history: run-");

        Process history = RunLockTest.scoreline(dir, "history", "company:a001");
        String here = new String(history.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(history.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(history.exitValue()).isZero();
        assertThat(here).contains("company:a001, \"Customer health\": 1 change");

        // From any other folder (this test's), --config names the same store.
        CliRunner elsewhere = CliRunner.run("history", "company:a001", "--config", config.toString());
        assertThat(elsewhere.exit()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.out()).isEqualTo(here);
        CliRunner both = CliRunner.run("history", "company:a001", "--config", config.toString(), "--store", "x");
        assertThat(both.exit()).isEqualTo(Main.USAGE);
        assertThat(both.err()).startsWith("error[SL509]: --store and --config both given");
    }
}
