package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar (target/*-job.jar, built in the package phase) submitted to a MiniCluster as a
 * packaged program: its classes, Drools among them, load through Flink's child-first user-code
 * class loader, as on a real cluster, so a class-loading fault the test class path hides fails here.
 */
class PackagedJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void packagedJarScoresAsOneJvm(@InjectMiniCluster MiniCluster cluster, @TempDir Path tmp) throws Exception {
        File jar = jobJar();
        Path out = tmp.resolve("out");
        Configuration conf = BatchScoringJob.configuration();
        PackagedProgram program = PackagedProgram.newBuilder().setJarFile(jar).setConfiguration(conf)
                .setArguments(config(tmp, out).toString(), "--parallelism", "2")
                .build();
        JobGraph graph = PackagedProgramUtils.createJobGraph(program, conf, 2, false);
        assertThat(graph.getUserJars()).as("the job ships its jar").isNotEmpty();
        cluster.submitJob(graph).get();
        JobResult result = cluster.requestJobResult(graph.getJobID()).get();
        assertThat(result.getSerializedThrowable()).as("the job's failure").isEmpty();

        assertThat(Cases.sortedLines(Cases.filesIn(out))).isEqualTo(oneJvm(tmp)).isNotEmpty();
    }

    /**
     * The jar's entry point in a JVM of its own with Flink's jars of flink-lib/ (as scoreline flink run
     * starts it), submitting to a JobManager's REST address ({@code --jobmanager}): the job jar travels
     * to the cluster and its tasks run there.
     */
    @Test
    void theEntryPointSubmitsToAJobManager(@InjectMiniCluster MiniCluster cluster, @TempDir Path tmp) throws Exception {
        File jar = jobJar();
        Path out = tmp.resolve("out");
        java.net.URI rest = cluster.getRestAddress().get();
        Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp",
                jar + File.pathSeparator + jar.toPath().resolveSibling("flink-lib").resolve("*"),
                BatchScoringJob.class.getName(), config(tmp, out).toString(), "--jobmanager", rest.getHost() + ":" + rest.getPort(),
                "--parallelism", "2").redirectErrorStream(true).start();
        String output = new String(job.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(job.waitFor()).as(output).isZero();
        assertThat(output).contains("on the JobManager " + rest.getHost() + ":" + rest.getPort() + " (parallelism 2)");
        assertThat(Cases.sortedLines(Cases.filesIn(out))).isEqualTo(oneJvm(tmp)).isNotEmpty();
    }

    /** Conformance case 08 (associations). */
    private static Path caseDir() throws Exception {
        return Cases.all().stream().filter(d -> d.getFileName().toString().startsWith("08-")).findFirst().orElseThrow();
    }

    /** A run config of case 08 whose jsonl sink writes into {@code out}. */
    private static Path config(Path tmp, Path out) throws Exception {
        Path dir = caseDir();
        List<String> rules = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".score")).forEach(p -> rules.add(p.toString()));
        }
        Path config = tmp.resolve("scoreline.yaml");
        Files.writeString(config, "rules: [" + String.join(", ", rules) + "]\nadapter: {name: jsonl, dir: " + dir.resolve("data")
                + "}\nsinks: [{name: jsonl, file: " + out.resolve("scores.jsonl") + "}]\nas-of: " + Cases.asOf(dir) + "\n");
        return config;
    }

    private static List<String> oneJvm(Path tmp) throws Exception {
        Path dir = caseDir();
        return Cases.oneJvm(Cases.rules(dir), dir.resolve("data"), Cases.asOf(dir), tmp);
    }

    private static File jobJar() {
        String jarPath = System.getProperty("scoreline.jobJar");
        // Set by the surefire execution of the package phase; -Dtest=... also runs this in the test phase, before the jar.
        org.junit.jupiter.api.Assumptions.assumeTrue(jarPath != null, "runs in the package phase, once the job jar is built");
        File jar = new File(jarPath);
        assertThat(jar).exists();
        return jar;
    }
}
