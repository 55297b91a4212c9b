package dev.scoreline.flink;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.jsonl.JsonlSink;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where a job's results go: one sink plugin per writing task. A file sink gets a file per task
 * ({@code scores-<task>.jsonl}) in one folder, since two tasks cannot append to one file; a sink
 * of shared storage (a database) is the same sink in every task.
 */
public interface SinkTarget extends Serializable {

    /** The sink of the writing task {@code task} (0-based). */
    ScoreSink open(int task);

    /** Whether one task writes it all (a sink plugin writing one file); else every task of the job writes. */
    default boolean singleWriter() {
        return false;
    }

    /** The name of its writing operator in the job graph. */
    default String label() {
        return "sink";
    }

    static SinkTarget jsonlFolder(Path dir) {
        String folder = dir.toString();
        return task -> new JsonlSink(Path.of(folder, "scores-" + task + ".jsonl"));
    }

    static SinkTarget csvFolder(Path dir) {
        String folder = dir.toString();
        return task -> new CsvSink(Path.of(folder, "scores-" + task + ".csv"));
    }
}
