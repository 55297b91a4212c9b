package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scoring conformance case through the batch job on a MiniCluster (one task manager, two
 * slots, generic types off) gives the one-JVM run's results, line for line.
 */
class BatchScoringJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static List<Path> cases() throws Exception {
        return Cases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conformanceCaseScoresAsOneJvm(Path dir, @TempDir Path tmp) throws Exception {
        RuleTexts rules = Cases.rules(dir);
        Instant asOf = Cases.asOf(dir);
        List<String> expected = Cases.oneJvm(rules, dir.resolve("data"), asOf, tmp);
        assertThat(expected).as("the case scores something").isNotEmpty();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        env.setParallelism(2);
        Path out = tmp.resolve("out");
        BatchScoringJob.build(env, rules, DataFolder.jsonl(dir.resolve("data")), asOf, SinkTarget.jsonlFolder(out));
        env.execute(dir.getFileName().toString());
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();

        assertThat(Cases.sortedLines(Cases.filesIn(out))).isEqualTo(expected);
    }
}
