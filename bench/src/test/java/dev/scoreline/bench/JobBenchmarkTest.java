package dev.scoreline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job scenario on a tiny data set: a real full run into a fresh store, then nothing to change. */
class JobBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void firstRunWritesEveryRecordAndTheSecondNothing() throws Exception {
        DataGenerator.Config config = DataGenerator.Config.of(300, 30, 5, 3).withCompanySizes(2, 50);
        DataGenerator g = new DataGenerator(config);
        g.write(tmp);
        DataSet data = g.generate();
        data.folder(tmp);
        String table = JobBenchmark.run(data, config.asOf(), 1);
        List<String> rows = Arrays.stream(table.split("\n")).filter(l -> l.startsWith("| first") || l.startsWith("| second")
                || l.startsWith("| third")).toList();
        assertThat(rows).hasSize(3);
        // Into an empty store every result is a change; the lead scores cover the 300 contacts.
        assertThat(Long.parseLong(cell(rows.get(0), 3))).isGreaterThanOrEqualTo(300);
        assertThat(cell(rows.get(0), 4)).isEqualTo(cell(rows.get(0), 3));
        assertThat(cell(rows.get(1), 4)).isEqualTo("0");
        assertThat(cell(rows.get(2), 4)).isEqualTo("0");
    }

    private static String cell(String row, int column) {
        return row.split("\\|")[column].trim();
    }
}
