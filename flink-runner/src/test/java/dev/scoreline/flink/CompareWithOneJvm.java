package dev.scoreline.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Scores a jsonl folder both ways and compares record by record, timing each (load and score):
 * {@code CompareWithOneJvm RULES.score DATA_DIR AS_OF PARALLELISM WORK_DIR}. A measuring tool for
 * docs/flink.md, run by hand; the suite's tests check equality on smaller data.
 */
public final class CompareWithOneJvm {

    public static void main(String[] args) throws Exception {
        RuleTexts rules = RuleTexts.read(List.of(Path.of(args[0])));
        Path data = Path.of(args[1]);
        Instant asOf = Instant.parse(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        if (Files.exists(work)) {
            try (var old = Files.walk(work)) { // a run before this one: its files would add to this one's
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(work);

        long t0 = System.nanoTime();
        List<String> expected = Cases.oneJvm(rules, data, asOf, work);
        long oneJvm = System.nanoTime() - t0;

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        env.setParallelism(parallelism);
        Path out = work.resolve("flink-" + parallelism);
        BatchScoringJob.build(env, rules, DataFolder.jsonl(data), asOf, SinkTarget.jsonlFolder(out));
        long t1 = System.nanoTime();
        env.execute("compare");
        long flink = System.nanoTime() - t1;
        List<String> actual = Cases.sortedLines(Cases.filesIn(out));
        System.out.printf("one JVM: %d results in %.1f s; Flink at parallelism %d: %d results in %.1f s; equal: %s%n",
                expected.size(), oneJvm / 1e9, parallelism, actual.size(), flink / 1e9, actual.equals(expected));
        if (!actual.equals(expected)) {
            System.exit(1);
        }
    }
}
