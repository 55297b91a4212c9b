package dev.scoreline.bench;

import dev.scoreline.api.DataProblems;
import dev.scoreline.bench.internal.WriteOnce;
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

    /**
     * Writes the csv folder of {@code jsonlFolder} unless it was written from the same data (the
     * jsonl folder's generator config); true when it wrote it.
     */
    static boolean writeOnce(Path jsonlFolder) throws IOException {
        Path csv = of(jsonlFolder);
        Path generated = jsonlFolder.resolve(DataGenerator.MARKER);
        String from = "written from " + jsonlFolder + " generated with "
                + (Files.exists(generated) ? Files.readString(generated) : "(unknown)") + "\n";
        Files.createDirectories(csv);
        return WriteOnce.unless(csv.resolve(".complete"), from,
                () -> CsvExport.write(new JsonlAdapter(jsonlFolder), csv, DataProblems.IGNORE));
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
