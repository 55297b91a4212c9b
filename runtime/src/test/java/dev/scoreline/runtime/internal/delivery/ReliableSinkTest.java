package dev.scoreline.runtime.internal.delivery;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.runtime.SinkOutbox;
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

    /** No waits, no pause: the tests count attempts, not time. */
    static final SinkOutbox FAST = SinkOutbox.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .withPauseAfterFailure(Duration.ZERO);

    static ReliableSink wrap(ScoreSink sink, Path outbox, int attempts) {
        return ReliableSink.wrap(sink, outbox, FAST.withAttempts(attempts));
    }

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
        ReliableSink sink = wrap(flaky, dir.resolve("outbox.jsonl"), 2);
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

        ReliableSink first = wrap(down, outbox, 2);
        SinkTestKit.drive(first, SinkTestKit.batches(sent, 2));
        assertThat(first.pending()).isEqualTo(7);
        assertThat(firstTarget.received()).isEmpty();
        assertThat(Files.readAllLines(outbox)).hasSize(7);   // one update a line

        // Restart: a new wrapper over the same outbox, the sink is back.
        RecordingSink target = new RecordingSink();
        ReliableSink second = wrap(target, outbox, 3);
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
        ReliableSink first = wrap(down, outbox, 1);
        List<ScoreUpdate> sent = updates(3);
        first.open();
        for (ScoreUpdate u : sent) {
            first.write(List.of(u));
        }
        Files.writeString(outbox, "{\"score\":", java.nio.file.StandardOpenOption.APPEND);

        // The sink takes one update and then goes away; then "crash".
        RecordingSink target = new RecordingSink();
        ReliableSink second = wrap(new TakingFirst(1, target), outbox, 1);
        second.open();
        assertThat(target.received()).containsExactly(sent.get(0));
        assertThat(second.pending()).isEqualTo(2);

        RecordingSink last = new RecordingSink();
        ReliableSink third = wrap(last, outbox, 3);
        third.open();
        third.close();
        assertThat(last.received()).containsExactly(sent.get(1), sent.get(2));
    }

    /** Takes the first {@code n} updates of every write and refuses the rest, saying so. */
    static final class TakingFirst implements ScoreSink {
        private final int n;
        private final RecordingSink target;
        int writes;

        TakingFirst(int n, RecordingSink target) {
            this.n = n;
            this.target = target;
        }

        @Override public String name() { return "taking-first"; }

        @Override
        public void write(List<ScoreUpdate> updates) {
            writes++;
            if (updates.size() <= n) {
                target.write(updates);
                return;
            }
            target.write(updates.subList(0, n));
            throw new PartialWriteException(n, "took " + n + " of " + updates.size(), new java.io.IOException("gone"));
        }
    }

    @Test
    void aPartialWriteKeepsExactlyTheRestAndOffersItAgainInOrder(@TempDir Path dir) throws Exception {
        RecordingSink target = new RecordingSink();
        TakingFirst partly = new TakingFirst(2, target);
        ReliableSink sink = wrap(partly, dir.resolve("outbox.jsonl"), 2);
        List<ScoreUpdate> sent = updates(11);

        SinkTestKit.drive(sink, SinkTestKit.batches(sent, 5));

        assertThat(partly.writes).isGreaterThan(3);
        assertThat(sink.pending()).isZero();
        assertThat(target.received()).containsExactlyElementsOf(sent);   // none lost, none twice
    }

    @Test
    void aSinkThatIsDownIsNotRetriedOnEveryWriteDuringThePauseButOnFlush(@TempDir Path dir) throws Exception {
        RecordingSink target = new RecordingSink();
        FlakySink flaky = FlakySink.failing(n -> false, target);
        ReliableSink sink = ReliableSink.wrap(flaky, dir.resolve("outbox.jsonl"),
                FAST.withAttempts(2).withPauseAfterFailure(Duration.ofHours(1)));
        sink.open();
        flaky.down(true);
        List<ScoreUpdate> sent = updates(6);
        for (ScoreUpdate u : sent) {
            sink.write(List.of(u));
        }
        assertThat(flaky.writes()).isEqualTo(2);   // the first write's two attempts; the rest only queued
        assertThat(sink.pending()).isEqualTo(6);

        flaky.down(false);
        sink.flush();   // flush tries even while paused
        assertThat(target.received()).containsExactlyElementsOf(sent);
        assertThat(sink.pending()).isZero();
    }

    @Test
    void numbersComeBackFromTheOutboxWithTheirScale(@TempDir Path dir) throws Exception {
        ScoreUpdate update = TestUpdates.update("Lead score", "contact:c1", "12.50", "Low").group("Fit", "2.10")
                .combined("10.00", "2.50").previous("0.00", null).cause(null).build();
        Path outbox = dir.resolve("outbox.jsonl");
        FlakySink down = FlakySink.failing(n -> true, new RecordingSink());
        ReliableSink first = wrap(down, outbox, 1);
        first.write(List.of(update));
        RecordingSink target = new RecordingSink();
        wrap(target, outbox, 1).open();
        assertThat(target.received()).containsExactly(update);
        assertThat(target.received().get(0).result().value().toPlainString()).isEqualTo("12.50");
    }

    @Test
    void propertyNamesComeBackFromTheOutboxAndAnOlderLineGetsTheDerivedOnes(@TempDir Path dir) throws Exception {
        ScoreUpdate named = TestUpdates.update("Buying intent", "contact:c1", "80", "A1").combined("40", "40")
                .property("intent", "intent_grade").build();
        Path outbox = dir.resolve("outbox.jsonl");
        wrap(FlakySink.failing(n -> true, new RecordingSink()), outbox, 1).write(List.of(named));
        // A line an earlier version kept, before updates carried their property names.
        Files.writeString(outbox, "{\"score\":\"Lead score\",\"record\":\"contact:c2\",\"value\":5,\"status\":\"Low\","
                + "\"groups\":{},\"previousValue\":null,\"previousStatus\":null,\"at\":\"2026-03-01T00:00:00Z\",\"cause\":\"\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        RecordingSink target = new RecordingSink();
        wrap(target, outbox, 1).open();
        assertThat(target.received()).hasSize(2);
        assertThat(target.received().get(0)).isEqualTo(named);
        assertThat(target.received().get(0).result().properties().names())
                .containsExactly("intent", "intent_grade", "intent_engagement", "intent_fit");
        assertThat(target.received().get(1).result().properties().names()).containsExactly("lead_score", "lead_score_status");
    }

    @Test
    void anOutboxLineThatIsNotAnUpdateIsAnOutboxErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox.jsonl");
        Files.writeString(outbox, "[1,2]\n");
        ReliableSink sink = wrap(new RecordingSink(), outbox, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(sink::open)
                .isInstanceOfSatisfying(dev.scoreline.api.ScorelineException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.scoreline.api.ErrorCode.OUTBOX_FAILED))
                .hasMessageContaining(outbox.toAbsolutePath().toString()).hasMessageContaining("not an update");
        assertThat(Files.readString(outbox)).isEqualTo("[1,2]\n");   // kept for an operator
    }
}
