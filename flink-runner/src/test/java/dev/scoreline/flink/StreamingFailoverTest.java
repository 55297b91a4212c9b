package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.flink.internal.SinkWriterAdapter;
import dev.scoreline.flink.internal.UpdateType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job on a MiniCluster survives a task failure, and a stop with a savepoint.
 * A task failure: while the folder grows, a step
 * between the scorer and the sink fails once, after a checkpoint completed; Flink restarts the job
 * from that checkpoint (the feed's offsets, each record's kept data and scores, restored), the
 * feed is read on from where the checkpoint left it, and the last update of every (score, record)
 * is still the live engine's result after the whole feed.
 */
class StreamingFailoverTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final RuleTexts RULES = RuleTexts.of("scores.score", StreamingScoringJobTest.SCORES);

    /** A random folder written whole, the folder the job reads (empty), and where its updates go. */
    private record Folders(Path whole, Path data, Path out) {
        static Folders in(Path tmp, long seed) throws java.io.IOException {
            Path whole = Files.createDirectories(tmp.resolve("whole"));
            StreamingScoringJobTest.writeRandomFolder(whole, new Random(seed));
            return new Folders(whole, Files.createDirectories(tmp.resolve("crm")), tmp.resolve("updates"));
        }
    }

    /** The job's environment on the MiniCluster: parallelism 2, checkpoints every {@code checkpointMs}. */
    private static StreamExecutionEnvironment environment(Configuration conf, long checkpointMs) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(checkpointMs);
        return env;
    }

    /** Shared by the subtasks of the MiniCluster, which run in this JVM. */
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong RESTORED_FROM = new AtomicLong(-1);

    @Test
    void aTaskFailureRestartsFromTheLastCheckpointAndEndsWithTheLiveScores(@TempDir Path tmp) throws Exception {
        Folders f = Folders.in(tmp, 23);

        Configuration conf = BatchScoringJob.configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = environment(conf, 100);
        StreamingScoringJob.updates(env, RULES, DataFolder.jsonl(f.data()), Duration.ofMillis(50), false)
                .map(new FailOnceAfterACheckpoint()).returns(UpdateType.TYPE).name("fails once")
                .sinkTo(new SinkWriterAdapter(SinkTarget.jsonlFolder(f.out())));
        JobClient job = env.executeAsync("streaming scores, failing once");
        try {
            // The folder grows file by file in small steps, records first, as a CRM export appends them.
            for (String file : List.of("records.jsonl", "associations.jsonl", "events.jsonl")) {
                List<String> lines = Files.readAllLines(f.whole().resolve(file), StandardCharsets.UTF_8);
                for (int from = 0; from < lines.size(); from += 20) {
                    Files.write(f.data().resolve(file), lines.subList(from, Math.min(lines.size(), from + 20)),
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Thread.sleep(120);
                }
            }
            // On a slow machine the first checkpoint may complete after the last step: more visits until the failure.
            for (int n = 0; !FAILED.get() && n < 300; n++) {
                Files.writeString(f.data().resolve("events.jsonl"), "{\"record\":\"contact:c" + (n % 40)
                        + "\",\"type\":\"visit\",\"at\":\"2025-10-01T10:00:00Z\",\"properties\":{\"page\":\"/x\"}}\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Thread.sleep(200);
            }
            assertThat(FAILED).as("the planned failure happened").isTrue();
            Map<String, String> live = StreamingScoringJobTest.liveResults(RULES, f.data());
            assertThat(live).hasSizeGreaterThan(30);
            assertThat(awaitUpdates(f.out(), live)).isEqualTo(live);
            assertThat(RESTORED_FROM.get()).as("the restart was restored from a completed checkpoint").isPositive();
        } finally {
            job.cancel().get();
        }
    }

    /**
     * An operator's path: the job stopped with a savepoint while the folder is half written, the
     * rest appended, and the job started again from the savepoint goes on from where it stopped
     * (it re-sends far fewer updates than a fresh start would) to the live engine's scores.
     */
    @Test
    void aJobStoppedWithASavepointGoesOnFromItWhenStartedAgain(@TempDir Path tmp) throws Exception {
        Folders f = Folders.in(tmp, 31);
        List<String> events = Files.readAllLines(f.whole().resolve("events.jsonl"), StandardCharsets.UTF_8);
        Files.copy(f.whole().resolve("records.jsonl"), f.data().resolve("records.jsonl"));
        Files.copy(f.whole().resolve("associations.jsonl"), f.data().resolve("associations.jsonl"));
        Files.write(f.data().resolve("events.jsonl"), events.subList(0, events.size() / 2), StandardCharsets.UTF_8);

        JobClient first = start(f.data(), f.out(), null);
        String savepoint;
        try {
            awaitUpdates(f.out(), StreamingScoringJobTest.liveResults(RULES, f.data()));
            savepoint = first.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
        } catch (Exception | AssertionError e) {
            first.cancel().get();
            throw e;
        }
        Map<Path, Integer> linesBefore = lines(f.out());
        List<String> rest = events.subList(events.size() / 2, events.size());
        Files.write(f.data().resolve("events.jsonl"), rest, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Map<String, String> live = StreamingScoringJobTest.liveResults(RULES, f.data());

        JobClient second = start(f.data(), f.out(), savepoint);
        try {
            assertThat(awaitUpdates(f.out(), live)).isEqualTo(live);
        } finally {
            second.cancel().get();
        }
        // Started from the savepoint, only what the new events touch is re-scored: no contact without
        // one of them gets an update (a fresh start would send every contact's scores again).
        java.util.Set<String> touched = new java.util.HashSet<>();
        for (String e : rest) {
            if (e.startsWith("{")) {
                touched.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(e).get("record").asText());
            }
        }
        List<String> after = updatedSince(f.out(), linesBefore);
        assertThat(after).isNotEmpty();
        assertThat(after.stream().filter(k -> k.startsWith("contact:"))).isSubsetOf(touched);
    }

    private static JobClient start(Path data, Path out, String savepoint) throws Exception {
        Configuration conf = BatchScoringJob.configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = environment(conf, 200);
        StreamingScoringJob.build(env, RULES, DataFolder.jsonl(data), Duration.ofMillis(50), false,
                SinkTarget.jsonlFolder(out));
        return env.executeAsync(savepoint == null ? "streaming scores" : "streaming scores from a savepoint");
    }

    /** Waits (at most 90 s) until the last updates written are {@code expected}; returns the last read. */
    private static Map<String, String> awaitUpdates(Path out, Map<String, String> expected) throws InterruptedException {
        Map<String, String> last = Map.of();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); System.nanoTime() < deadline; ) {
            last = readable(out);
            if (last.equals(expected)) {
                return last;
            }
            Thread.sleep(200);
        }
        assertThat(last).as("the updates written within 90 s").isEqualTo(expected);
        return last;
    }

    private static Map<Path, Integer> lines(Path out) throws java.io.IOException {
        Map<Path, Integer> n = new java.util.HashMap<>();
        for (Path f : Cases.filesIn(out)) {
            n.put(f, Files.readAllLines(f, StandardCharsets.UTF_8).size());
        }
        return n;
    }

    /** The records of the updates written after the first {@code before} lines of each file. */
    private static List<String> updatedSince(Path out, Map<Path, Integer> before) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> records = new java.util.ArrayList<>();
        for (Path f : Cases.filesIn(out)) {
            List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (String line : all.subList(before.getOrDefault(f, 0), all.size())) {
                records.add(json.readTree(line).get("record").asText());
            }
        }
        return records;
    }

    /** The updates written so far; empty while a file ends in a line being written. */
    private static Map<String, String> readable(Path out) {
        try {
            return Files.isDirectory(out) ? StreamingScoringJobTest.lastUpdates(out) : Map.of();
        } catch (Exception partial) {
            return Map.of();
        }
    }

    /**
     * Passes updates on; once a checkpoint has completed, the first update after it fails the task
     * (once in the test). Notes the checkpoint a restarted task was restored from.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<ScoreUpdate, ScoreUpdate>
            implements CheckpointListener, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient boolean checkpointed;

        @Override
        public ScoreUpdate map(ScoreUpdate update) {
            if (checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("a planned failure after a completed checkpoint");
            }
            return update;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
            OptionalLong from = context.getRestoredCheckpointId();
            if (context.isRestored() && from.isPresent()) {
                RESTORED_FROM.set(from.getAsLong());
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            // No state of its own: it only watches checkpoints come and go.
        }
    }
}
