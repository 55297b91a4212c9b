package dev.scoreline.flink.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change-feed reader over a real jsonl folder: what it emits is the adapter's feed, numbered;
 * its checkpointed split (serialized and read back, as a checkpoint does) lets a new reader go on
 * with exactly the lines appended since, never a line twice, never a half-written line.
 */
class FeedReaderTest {

    @Test
    void aReaderRestoredFromItsSplitReadsExactlyWhatWasAppendedSince(@TempDir Path dir) throws Exception {
        append(dir, "records.jsonl", """
                {"type":"contact","id":"c1","properties":{"role":"buyer"},"lists":["Customers"]}
                {"type":"company","id":"a1","properties":{"tier":"gold"}}
                """);
        append(dir, "associations.jsonl", """
                {"from":"company:a1","to":"contact:c1","labels":["Champion"]}
                """);
        append(dir, "events.jsonl", """
                {"record":"contact:c1","type":"visit","at":"2026-02-01T10:00:00Z"}
                not json
                {"record":"contact:c1","type":"visit","at":"2026-02-02T10:00:00Z","properties":{"page":"/pricing"}}
                """);
        Collected first = new Collected();
        FeedReader reader = new FeedReader(() -> new JsonlAdapter(dir), 1, false);
        reader.start();
        reader.addSplits(List.of(new FeedSplit(null, 0)));
        assertThat(reader.pollNext(first)).isEqualTo(InputStatus.MORE_AVAILABLE);
        // Records, then associations (one copy per end), then events; the bad line is the adapter's to skip.
        assertThat(first.describe()).containsExactly(
                "0 contact:c1 record contact:c1 changed",
                "1 company:a1 record company:a1 changed",
                "2 company:a1 association company:a1 - contact:c1 added",
                "2 contact:c1 association company:a1 - contact:c1 added",
                "3 contact:c1 visit event of contact:c1 at 2026-02-01T10:00:00Z",
                "4 contact:c1 visit event of contact:c1 at 2026-02-02T10:00:00Z");
        FeedSplit checkpointed = FeedSplit.SERIALIZER.deserialize(1,
                FeedSplit.SERIALIZER.serialize(reader.snapshotState(1).get(0)));
        reader.close();

        append(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c2\"}\n");
        append(dir, "events.jsonl", "{\"record\":\"contact:c2\",\"type\":\"reply\",\"at\":\"2026-02-03T10:00:00Z\"}\n"
                + "{\"record\":\"contact:c1\",\"type\":\"re");
        Collected second = new Collected();
        FeedReader restored = new FeedReader(() -> new JsonlAdapter(dir), 1, true);
        restored.start();
        restored.addSplits(List.of(checkpointed));
        restored.pollNext(second);
        assertThat(second.describe()).containsExactly(
                "5 contact:c2 record contact:c2 changed",
                "6 contact:c2 reply event of contact:c2 at 2026-02-03T10:00:00Z");

        append(dir, "events.jsonl", "ply\",\"at\":\"2026-02-04T10:00:00Z\"}\n");
        Thread.sleep(5); // past the poll interval
        Collected third = new Collected();
        restored.pollNext(third);
        assertThat(third.describe()).containsExactly("7 contact:c1 reply event of contact:c1 at 2026-02-04T10:00:00Z");
        Thread.sleep(5);
        // Caught up: a reader told to stop there ends its input.
        assertThat(restored.pollNext(new Collected())).isEqualTo(InputStatus.END_OF_INPUT);
        restored.close();
    }

    private static void append(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** What the reader emitted, as Flink's output would receive it. */
    static final class Collected implements ReaderOutput<FeedChange> {
        final List<FeedChange> items = new ArrayList<>();

        List<String> describe() {
            return items.stream().map(c -> c.seq() + " " + c.key() + " "
                    + dev.scoreline.engine.ChangeText.describe(c.change())).toList();
        }

        @Override public void collect(FeedChange c) { items.add(c); }
        @Override public void collect(FeedChange c, long timestamp) { items.add(c); }
        @Override public void emitWatermark(Watermark watermark) { }
        @Override public void markIdle() { }
        @Override public void markActive() { }
        @Override public SourceOutput<FeedChange> createOutputForSplit(String splitId) { return this; }
        @Override public void releaseOutputForSplit(String splitId) { }
    }
}
