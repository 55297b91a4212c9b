package dev.scoreline.plugins.csv;

import dev.scoreline.testkit.AdapterContents;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.plugins.ConformanceData;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same data through the csv adapter gives the same facts as through the jsonl adapter. */
class JsonlCsvEquivalenceTest {

    static List<String> cases() {
        return ConformanceData.cases();
    }

    @Test
    void everyConformanceCaseWithDataIsHere() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(13);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void csvGivesTheFactsJsonlGives(String name, @TempDir Path csvDir) throws Exception {
        Path jsonlDir = ConformanceData.dir(name);
        JsonlToCsv.convert(jsonlDir, csvDir);

        AdapterContents jsonl = AdapterTestKit.checkContract(() -> new JsonlAdapter(jsonlDir));
        AdapterContents csv = AdapterTestKit.checkContract(() -> new CsvAdapter(csvDir));

        assertThat(jsonl.problems().badLines()).isEmpty();
        assertThat(csv.problems().all()).isEmpty();
        assertThat(csv.records()).hasSameSizeAs(jsonl.records());
        assertThat(csv.snapshot()).isEqualTo(jsonl.snapshot());
    }
}
