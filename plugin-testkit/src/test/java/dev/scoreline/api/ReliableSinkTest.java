package dev.scoreline.api;

import dev.scoreline.testkit.FlakySink;
import dev.scoreline.testkit.RecordingSink;
import dev.scoreline.testkit.SinkTestKit;
import dev.scoreline.testkit.TestUpdates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReliableSinkTest {

    static List<ScoreUpdate> updates(int n) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestUpdates.update("Lead score", "contact:c" + (i % 3), Integer.toString(i), i % 2 == 0 ? "Low" : "High")
                    .group("Fit", "1.5").combined("2", "3.25").previous(i == 0 ? null : Integer.toString(i - 1), "Low")
                    .at("2026-03-01T00:00:0" + (i % 10) + "Z").cause("line \"" + i + "\"\n").build());
        }
        return out;
    }

    @Test
    void retriesAFlakySinkAndDeliversEverythingOnceInOrder(@TempDir Path dir) throws Exception {
        RecordingSink target = new RecordingSink();
        FlakySink flaky = FlakySink.failing(n -> n % 3 != 0, target);  // two of every three writes fail
        ReliableSink sink = ReliableSink.wrap(flaky).outbox(dir.resolve("outbox.jsonl"))
                .attempts(2).backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
        List<ScoreUpdate> sent = updates(20);

        SinkTestKit.Result result = SinkTestKit.drive(sink, SinkTestKit.batches(sent, 3));

        assertThat(result.refusedWrites()).isZero();  // the wrapper never passes a failure on
        assertThat(flaky.failures()).isPositive();
        assertThat(sink.pending()).isZero();
        SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, target.received());
        assertThat(target.received()).containsExactlyElementsOf(sent);  // round trip through the outbox is exact
    }

    @Test
    void anUnreachableSinkLosesNothingAndTheNextRunDeliversThePending(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("state/outbox.jsonl");
        RecordingSink firstTarget = new RecordingSink();
        FlakySink down = FlakySink.failing(n -> false, firstTarget);
        down.down(true);
        List<ScoreUpdate> sent = updates(7);

        ReliableSink first = ReliableSink.wrap(down).outbox(outbox).attempts(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
        SinkTestKit.drive(first, SinkTestKit.batches(sent, 2));
        assertThat(first.pending()).isEqualTo(7);
        assertThat(firstTarget.received()).isEmpty();
        assertThat(Files.readAllLines(outbox)).hasSize(4);

        // Restart: a new wrapper over the same outbox, the sink is back.
        RecordingSink target = new RecordingSink();
        ReliableSink second = ReliableSink.wrap(target).outbox(outbox).build();
        List<ScoreUpdate> more = updates(2);
        SinkTestKit.drive(second, List.of(more));

        List<ScoreUpdate> all = new ArrayList<>(sent);
        all.addAll(more);
        assertThat(target.received()).containsExactlyElementsOf(all);
        assertThat(second.pending()).isZero();
        assertThat(Files.size(outbox)).isZero();
    }

    @Test
    void aTornLastLineFromACrashIsCutAndAPartlyDeliveredOutboxResumes(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox.jsonl");
        FlakySink down = FlakySink.failing(n -> true, new RecordingSink());
        ReliableSink first = ReliableSink.wrap(down).outbox(outbox).attempts(1).build();
        List<ScoreUpdate> sent = updates(3);
        first.open();
        for (ScoreUpdate u : sent) {
            first.write(List.of(u));
        }
        Files.writeString(outbox, "[{\"score\":", java.nio.file.StandardOpenOption.APPEND);

        // Deliver one batch, then "crash".
        RecordingSink target = new RecordingSink();
        FlakySink once = FlakySink.failing(n -> n > 1, target);
        ReliableSink second = ReliableSink.wrap(once).outbox(outbox).attempts(1).build();
        second.open();
        assertThat(target.received()).containsExactly(sent.get(0));
        assertThat(second.pending()).isEqualTo(2);

        RecordingSink last = new RecordingSink();
        ReliableSink third = ReliableSink.wrap(last).outbox(outbox).build();
        third.open();
        third.close();
        assertThat(last.received()).containsExactly(sent.get(1), sent.get(2));
    }
}
