package dev.scoreline.flink;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.plugins.csv.CsvAdapter;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.nio.file.Path;

/**
 * A folder of CRM data in one of the sample adapters' formats, read by the adapter itself in each
 * task that reads one of its streams: the job parses every line exactly as a one-JVM run does. The
 * folder must be where every task manager can read it (a shared or copied path).
 */
public record DataFolder(String format, String dir) implements CrmSource {

    public DataFolder {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new ScorelineException(ErrorCode.UNKNOWN_PLUGIN, "no data format \"" + format + "\" for the Flink job",
                    "use jsonl or csv");
        }
    }

    public static DataFolder jsonl(Path dir) {
        return new DataFolder("jsonl", dir.toString());
    }

    public static DataFolder csv(Path dir) {
        return new DataFolder("csv", dir.toString());
    }

    @Override
    public CrmAdapter open() {
        Path path = Path.of(dir);
        return format.equals("jsonl") ? new JsonlAdapter(path) : new CsvAdapter(path);
    }

    @Override
    public String label() {
        return format + " " + dir;
    }
}
