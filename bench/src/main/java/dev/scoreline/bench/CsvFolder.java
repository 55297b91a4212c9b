package dev.scoreline.bench;

import dev.scoreline.api.DataProblems;
import dev.scoreline.plugins.csv.CsvExport;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench data in the csv adapter's layout, beside its jsonl folder ({@code <folder>-csv}),
 * written once with {@link CsvExport} from the jsonl: the contenders reading csv read the same data.
 */
final class CsvFolder {

    private CsvFolder() { }

    static Path of(Path jsonlFolder) {
        return jsonlFolder.resolveSibling(jsonlFolder.getFileName() + "-csv");
    }

    /** Writes the csv folder of {@code jsonlFolder} unless it is there; true when it wrote it. */
    static boolean writeOnce(Path jsonlFolder) throws IOException {
        Path csv = of(jsonlFolder);
        Path done = csv.resolve(".complete");
        if (Files.exists(done)) {
            return false;
        }
        CsvExport.write(new JsonlAdapter(jsonlFolder), csv, DataProblems.IGNORE);
        Files.writeString(done, "written from " + jsonlFolder + "\n");
        return true;
    }

    /** The csv files in the folder, the record types' and the special ones. */
    static List<Path> files(Path jsonlFolder, boolean withEvents) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(of(jsonlFolder))) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> withEvents || !p.getFileName().toString().equals("events.csv")).sorted().forEach(out::add);
        }
        return out;
    }
}
