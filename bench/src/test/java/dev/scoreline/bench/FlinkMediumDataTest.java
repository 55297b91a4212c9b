package dev.scoreline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Flink batch job on the bench's medium data (100,000 contacts, 20,000 companies, 3M events;
 * the folder {@code bench/run --size medium} writes, written here when missing) gives the one-JVM
 * engine's results record by record, for the lead scenario (three scores on contacts) and the
 * health scenario (companies reading their contacts' events through associations): a local
 * MiniCluster at parallelism 2 (one task manager, two slots), through flink-runner's own
 * comparison ({@code CompareWithOneJvm}), in a JVM of its own with the heap the data needs.
 */
class FlinkMediumDataTest {

    private static final Path DATA = Path.of("target", "bench-data", "c100000-co20000-e30-s42");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lead", "health"})
    void theFlinkJobGivesTheOneJvmResultsOnTheMediumData(String scenario) throws Exception {
        new DataGenerator(DataGenerator.Config.of(100_000, 20_000, 30, 42)).writeOnce(DATA);
        Path work = Path.of("target", "flink-medium-" + scenario);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                "dev.scoreline.flink.CompareWithOneJvm", "src/main/resources/scenarios/" + scenario + ".score",
                DATA.toString(), "2026-03-01T00:00:00Z", "2", work.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = read(p);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String verdict = out.lines().filter(l -> l.startsWith("one JVM: ")).findFirst().orElse(out);
        assertThat(p.exitValue()).as(verdict).isZero();
        assertThat(verdict).contains(scenario.equals("lead") ? "300000 results" : "20000 results", "equal: true");
        System.out.println("FlinkMediumDataTest " + scenario + ": " + verdict);
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
