package dev.scoreline.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.testkit.FullDisk;
import dev.scoreline.testkit.TestUpdates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sinks append whole lines only: not on a full disk, not after a crash mid-line. */
class FileSinkWholeLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ScoreUpdate> batch(int from, int n) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(TestUpdates.update("Lead score", "contact:c" + i, Integer.toString(i % 100), "Low")
                    .cause("rule \"Role\" +" + i).build());
        }
        return out;
    }

    /** Every line of a jsonl file is a whole JSON object; returns the records in order. */
    private static List<String> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("the file ends with a whole line").satisfiesAnyOf(t -> assertThat(t).isEmpty(),
                t -> assertThat(t).endsWith("\n"));
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line).path("record").asText());
            }
        }
        return out;
    }

    @Test
    void aFullDiskFailsTheWriteAndLeavesNoPartOfItsLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/scores.jsonl");
        List<ScoreUpdate> first = batch(0, 20);
        // Room for the first batch and about half of the second: the second write is cut mid-line.
        long one = 0;
        for (ScoreUpdate u : first) {
            one += (UpdateJson.line(u.fields()) + "\n").getBytes(StandardCharsets.UTF_8).length;
        }
        FullDisk disk = new FullDisk(one + one / 2 + 7);
        JsonlSink sink = new JsonlSink(file, disk.opener());
        sink.open();
        sink.write(first);
        assertThatThrownBy(() -> sink.write(batch(20, 20))).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        assertThat(Files.size(file)).as("truncated back to the first batch").isEqualTo(one);
        assertThat(records(file)).hasSize(20);

        disk.free(1_000_000);
        sink.write(batch(20, 20));
        sink.close();
        List<String> all = records(file);
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        assertThat(all.get(20)).isEqualTo("contact:c20");
    }

    @Test
    void aTornLastLineIsCutWhenTheSinkOpens(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scores.jsonl");
        JsonlSink sink = new JsonlSink(file);
        sink.write(batch(0, 3));
        sink.close();
        // A crash in the middle of the next append: half a line, no line break.
        Files.writeString(file, "{\"score\":\"Lead score\",\"record\":\"contact:c9", java.nio.file.StandardOpenOption.APPEND);
        JsonlSink again = new JsonlSink(file);
        again.write(batch(3, 2));
        again.close();
        assertThat(records(file)).containsExactly("contact:c0", "contact:c1", "contact:c2", "contact:c3", "contact:c4");
    }

    @Test
    void aCsvFileWhoseHeaderWasTornGetsItsHeaderAgain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, CsvSink.HEADER.substring(0, 20));
        CsvSink sink = new CsvSink(file);
        sink.write(batch(0, 2));
        sink.close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CsvSink.HEADER);
        assertThat(lines.get(1)).startsWith("Lead score,contact:c0,");
    }

    @Test
    void aCsvSinkOnAFullDiskKeepsWholeRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scores.csv");
        FullDisk disk = new FullDisk(CsvSink.HEADER.length() + 2 + 150);
        CsvSink sink = new CsvSink(file, disk.opener());
        assertThatThrownBy(() -> sink.write(batch(0, 10))).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo(CsvSink.HEADER + "\r\n");
        disk.free(100_000);
        sink.write(batch(0, 10));
        sink.close();
        assertThat(Files.readAllLines(file)).hasSize(11);
    }
}
