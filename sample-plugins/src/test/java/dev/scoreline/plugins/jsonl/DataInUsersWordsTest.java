package dev.scoreline.plugins.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.plugins.csv.CsvAdapter;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.testkit.RecordedProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file adapters say about data a person wrote: in their words, and never "0 records" in silence. */
class DataInUsersWordsTest {

    @Test
    void aNumberTooLongIsSaidPlainlyNotInJacksonsWords(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"n\":"
                + "1".repeat(1500) + "}}\n{\"type\":\"contact\",\"id\":\"c2\"\n");
        var read = AdapterTestKit.read(new JsonlAdapter(dir));
        RecordedProblems problems = read.problems();
        assertThat(read.records()).isEmpty();
        assertThat(problems.badLines()).extracting(RecordedProblems.Problem::message).containsExactly(
                "a number is too long (over 1000 digits)",
                "not valid JSON: the line ends before the value does (a missing } ] or \")");
    }

    @Test
    void anEventTimeBefore1980AsksWhetherItIsEpochSeconds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\"}\n");
        Files.writeString(dir.resolve("events.jsonl"), "{\"record\":\"contact:c1\",\"type\":\"call\",\"at\":1740787200}\n"
                + "{\"record\":\"contact:c1\",\"type\":\"call\",\"at\":1740787200000}\n");
        var read = AdapterTestKit.read(new JsonlAdapter(dir));
        RecordedProblems problems = read.problems();
        assertThat(read.events()).hasSize(2);
        assertThat(problems.warnings()).extracting(RecordedProblems.Problem::message).singleElement().asString()
                .startsWith("\"at\" reads as 1970-01-21T03:33:07.200Z, before 1980: epoch seconds?");
    }

    @Test
    void anEventTimeAfter2200AsksWhetherItIsEpochMicroseconds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\"}\n");
        Files.writeString(dir.resolve("events.jsonl"), "{\"record\":\"contact:c1\",\"type\":\"call\",\"at\":1740787200000000}\n"
                + "{\"record\":\"contact:c1\",\"type\":\"call\",\"at\":\"2199-12-31T23:59:59Z\"}\n");
        var read = AdapterTestKit.read(new JsonlAdapter(dir));
        assertThat(read.events()).as("used as written").hasSize(2);
        assertThat(read.problems().warnings()).extracting(RecordedProblems.Problem::message).singleElement().asString()
                .startsWith("\"at\" reads as +57133-05-09T00:00:00Z").contains("after 2200: epoch microseconds?");
    }

    @Test
    void aFolderWithoutItsFilesIsAnErrorThatNamesTheAdapterToChoose(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AdapterTestKit.read(new JsonlAdapter(dir)))
                .isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_NO_FILES))
                .hasMessageContaining("has no records.jsonl, events.jsonl or associations.jsonl (it is empty)");
        Files.writeString(dir.resolve("contact.csv"), "id\nc1\n");
        assertThatThrownBy(() -> AdapterTestKit.read(new JsonlAdapter(dir)))
                .isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.fix())
                        .startsWith("these are files of the csv adapter: choose it"));
        assertThat(AdapterTestKit.read(new CsvAdapter(dir)).records()).hasSize(1);
        Files.delete(dir.resolve("contact.csv"));
        Files.writeString(dir.resolve("records.jsonl"), "{\"type\":\"contact\",\"id\":\"c1\"}\n");
        assertThatThrownBy(() -> AdapterTestKit.read(new CsvAdapter(dir)))
                .isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.fix())
                        .startsWith("these are files of the jsonl adapter: choose it"));
    }
}
