package dev.scoreline.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ReadProgress;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.testkit.RecordedProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapters' {@code readProgress()}: the bytes of their files, and how many a load has read. */
class ReadProgressTest {

    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "data");

    @Test
    void aWholeLoadReadsEveryByteOfTheJsonlAndCsvFiles(@TempDir Path csvDir) throws Exception {
        JsonlToCsv.convert(QUICKSTART, csvDir);
        long jsonlBytes = 0;
        for (String f : new String[] {"records.jsonl", "events.jsonl", "associations.jsonl"}) {
            jsonlBytes += Files.size(QUICKSTART.resolve(f));
        }
        long csvBytes;
        try (Stream<Path> files = Files.list(csvDir)) {
            csvBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertWholeLoad(new JsonlAdapter(QUICKSTART), jsonlBytes);
        assertWholeLoad(new CsvAdapter(csvDir), csvBytes);
    }

    private static void assertWholeLoad(CrmAdapter adapter, long bytes) {
        adapter.open(new RecordedProblems());
        ReadProgress progress = adapter.readProgress().orElseThrow();
        assertThat(progress.total()).as(adapter.name()).isEqualTo(bytes);
        assertThat(progress.read()).isZero();
        try (Stream<?> records = adapter.records()) {
            assertThat(records.count()).isPositive();
        }
        long afterRecords = progress.read();
        assertThat(afterRecords).as(adapter.name() + " after the records").isPositive().isLessThan(bytes);
        try (Stream<?> events = adapter.events(); Stream<?> associations = adapter.associations();
             Stream<?> lists = adapter.listMemberships()) {
            events.count();
            associations.count();
            lists.count();
        }
        assertThat(progress.read()).as(adapter.name() + " after everything").isEqualTo(bytes);
        assertThat(adapter.readProgress().orElseThrow().read()).as("a new load counts from 0").isZero();
    }
}
