package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.api.ScorelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scoreline flink run CONFIG}: the flink-runner's job jar (built by the reactor before this
 * module) started in a JVM of its own on a local MiniCluster writes, for the quickstart's config,
 * the results {@code scoreline run} writes for it, record by record; the job's own failures come
 * back as its coded line and exit code; a missing jar or Flink folder is SL512 before any JVM starts.
 */
class FlinkRunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theQuickstartOnFlinkScoresAsScorelineRun() throws IOException {
        Path jar = builtJobJar();
        Path oneJvm = quickstart("one-jvm");
        CliRunner run = CliRunner.run("run", "--quiet", oneJvm.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        Path flink = quickstart("flink");
        CliRunner job = CliRunner.run("flink", "run", flink.toString(), "--parallelism", "2", "--jar", jar.toString());
        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(job.out()).contains("on a local MiniCluster (parallelism 2)");
        assertThat(job.err()).contains("scoreline flink run: the store is not read or written").doesNotContain("\tat ");

        List<String> expected = results(oneJvm.resolveSibling("out/scores.jsonl"));
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(results(flink.resolveSibling("out/scores.jsonl"))).isEqualTo(expected);
        assertThat(Files.readAllLines(flink.resolveSibling("out/scores.csv"))).hasSize(expected.size() + 1); // and a header
    }

    @Test
    void theJobsOwnRefusalIsItsLineAndExitCode() throws IOException {
        Path jar = builtJobJar();
        Path config = quickstart("catalog");
        Files.writeString(config, "rules: catalog\nadapter: {name: jsonl, dir: data}\nsinks: [{name: jsonl, file: s.jsonl}]\n"
                + "store: embedded\n");
        CliRunner job = CliRunner.run("flink", "run", config.toString(), "--jar", jar.toString());
        assertThat(job.exit()).isEqualTo(Main.USAGE);
        assertThat(job.err()).startsWith("error[SL502]: ").contains("\"rules: catalog\" reads the store's catalog")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadConfigIsSaidBeforeAnyJvmStarts() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "rules: [lead.score]\nadaptor: {name: jsonl, dir: data}\n");
        CliRunner job = CliRunner.run("flink", "run", config.toString(), "--jar", dir.resolve("no.jar").toString());
        assertThat(job.exit()).isEqualTo(Main.USAGE);
        assertThat(job.err()).startsWith("error[SL502]: ").contains("unknown key \"adaptor\"");
    }

    @Test
    void aJarWithoutFlinkBesideItIsSL512() throws IOException {
        Path jar = Files.writeString(dir.resolve("scoreline-flink-runner-1-job.jar"), "not really a jar");
        CliRunner job = CliRunner.run("flink", "run", quickstart("lib").toString(), "--jar", jar.toString());
        assertThat(job.exit()).isEqualTo(Main.USAGE);
        assertThat(job.err()).startsWith("error[SL512]: no Flink jars in " + dir.resolve("flink-lib") + " beside the job jar;")
                .contains("flink run -c dev.scoreline.flink.BatchScoringJob");
    }

    @Test
    void theRepositorysBuildIsFoundWhenNothingNamesAJar() throws IOException {
        Path home = dir.resolve("home");
        Path target = Files.createDirectories(home.resolve("flink-runner/target"));
        assertThatThrownBy(() -> FlinkCommand.jobJar(null, null, home)).isInstanceOf(ScorelineException.class)
                .hasMessage("no Flink job jar in " + target + " (and no --jar or $SCORELINE_FLINK_JAR)");
        Path older = Files.writeString(target.resolve("scoreline-flink-runner-0.1.0-job.jar"), "");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        Files.writeString(target.resolve("scoreline-flink-runner-0.1.0.jar"), ""); // the module's own jar, without Scoreline
        Path newer = Files.writeString(target.resolve("scoreline-flink-runner-0.2.0-job.jar"), "");
        assertThat(FlinkCommand.jobJar(null, null, home)).isEqualTo(newer);
        assertThat(FlinkCommand.jobJar(null, older.toString(), home)).as("$SCORELINE_FLINK_JAR first").isEqualTo(older);
        assertThatThrownBy(() -> FlinkCommand.jobJar(null, "/nowhere/job.jar", home))
                .hasMessage("no Flink job jar at /nowhere/job.jar ($SCORELINE_FLINK_JAR)");
    }

    /** The quickstart copied to its own folder; returns its config. */
    private Path quickstart(String name) throws IOException {
        Path source = Path.of("..", "examples", "quickstart");
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to.resolve("scoreline.yaml");
    }

    /** Each result's score, record, value, status, groups and properties: what both runs must agree on, sorted. */
    private static List<String> results(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream().map(line -> {
            try {
                ObjectNode update = (ObjectNode) JSON.readTree(line);
                update.remove(List.of("at", "cause", "previousValue", "previousStatus"));
                return update.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sorted().toList();
    }

    private static Path builtJobJar() {
        String jar = System.getProperty("scoreline.flinkJobJar");
        // Set by this module's surefire configuration; the jar is there once the reactor has packaged flink-runner.
        assumeThat(jar != null && Files.isRegularFile(Path.of(jar))).as("the flink-runner job jar is built (mvn verify)").isTrue();
        return Path.of(jar);
    }
}
