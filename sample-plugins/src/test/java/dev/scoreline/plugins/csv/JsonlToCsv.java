package dev.scoreline.plugins.csv;

import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.testkit.RecordedProblems;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a jsonl data folder in the csv adapter's layout ({@link CsvExport}); a bad line fails the test. */
final class JsonlToCsv {

    private JsonlToCsv() { }

    static void convert(Path jsonlDir, Path csvDir) throws IOException {
        RecordedProblems problems = new RecordedProblems();
        CsvExport.write(new JsonlAdapter(jsonlDir), csvDir, problems);
        if (!problems.badLines().isEmpty()) {
            throw new IllegalArgumentException("bad lines in " + jsonlDir + ": " + problems.badLines());
        }
    }
}
