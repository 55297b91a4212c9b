package dev.scoreline.testkit;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each checker passes a correct sink and fails one broken on purpose, one broken rule at a time. */
class SinkTestKitTest {

    /** The target every sink instance of a test writes to: a list that outlives the instances, like a file. */
    private final List<ScoreUpdate> target = Collections.synchronizedList(new ArrayList<>());

    /** Appends every update to the target, as a file sink does. */
    class GoodSink implements ScoreSink {
        @Override public String name() { return "good"; }
        @Override public void write(List<ScoreUpdate> updates) { keep(updates); }

        void keep(List<ScoreUpdate> updates) {
            target.addAll(updates);
        }
    }

    private List<ScoreUpdate> readBack() {
        return List.copyOf(target);
    }

    @Test
    void aCorrectSinkPasses() throws Exception {
        SinkTestKit.checkContract(GoodSink::new, this::readBack);
        assertThat(target).hasSize(28);   // 20 updates in the first run, 8 in the second
    }

    @Test
    void aBlankNameFails() {
        assertThatThrownBy(() -> SinkTestKit.checkContract(() -> new GoodSink() {
            @Override public String name() { return ""; }
        }, this::readBack)).isInstanceOf(AssertionError.class).hasMessageContaining("name() is blank");
    }

    @Test
    void aSinkThatLosesAnUpdateFails() {
        assertThatThrownBy(() -> SinkTestKit.checkContract(() -> new GoodSink() {
            @Override public void write(List<ScoreUpdate> updates) {
                keep(updates.subList(0, Math.max(0, updates.size() - 1)));   // drops each batch's last
            }
        }, this::readBack)).isInstanceOf(AssertionError.class).hasMessageContaining("lost updates of");
    }

    @Test
    void aSinkThatReordersARecordsUpdatesFails() {
        assertThatThrownBy(() -> SinkTestKit.checkContract(() -> new GoodSink() {
            @Override public void write(List<ScoreUpdate> updates) {
                List<ScoreUpdate> reversed = new ArrayList<>(updates);
                Collections.reverse(reversed);
                keep(reversed);
            }
        }, this::readBack)).isInstanceOf(AssertionError.class).hasMessageContaining("kept updates out of order");
    }

    @Test
    void aSinkThatKeepsABatchTwiceFails() {
        assertThatThrownBy(() -> SinkTestKit.checkContract(() -> new GoodSink() {
            @Override public void write(List<ScoreUpdate> updates) {
                keep(updates);
                keep(updates.subList(0, Math.min(1, updates.size())));
            }
        }, this::readBack)).isInstanceOf(AssertionError.class).hasMessageContaining("kept updates twice");
    }

    @Test
    void aSinkThatStartsItsTargetOverOnOpenFails() {
        assertThatThrownBy(() -> SinkTestKit.checkContract(() -> new GoodSink() {
            @Override public void open() { target.clear(); }   // truncates the file instead of appending
        }, this::readBack)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("lost updates").hasMessageContaining("after a second run over the same target");
    }

    @Test
    void updatesKeptThatWereNeverSentFail() {
        target.add(TestUpdates.update("Lead score", "contact:stray", "1", "Low").build());
        assertThatThrownBy(() -> SinkTestKit.checkContract(GoodSink::new, this::readBack))
                .isInstanceOf(AssertionError.class).hasMessageContaining("contact:stray / Lead score that were never sent");
    }

    static List<ScoreUpdate> updates(int n) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestUpdates.update("Lead score", "contact:c" + (i % 3), Integer.toString(i), "Low")
                    .at("2026-03-01T00:00:" + String.format("%02d", i) + "Z").build());
        }
        return out;
    }

    /** Takes the first two updates of a write and says it took {@code claims}: honest when claims is 2. */
    class TakesTwo extends GoodSink {
        private final int claims;

        TakesTwo(int claims) {
            this.claims = claims;
        }

        @Override
        public void write(List<ScoreUpdate> updates) {
            if (updates.size() <= 2) {
                keep(updates);
                return;
            }
            keep(updates.subList(0, 2));
            throw new PartialWriteException(claims, "took 2", new IOException("endpoint went away"));
        }
    }

    @Test
    void drivingOffersOnlyTheRestAfterAPartialWriteAndTheCheckCatchesASinkThatMiscounts() throws Exception {
        List<ScoreUpdate> sent = updates(9);
        SinkTestKit.Result honest = SinkTestKit.drive(new TakesTwo(2), SinkTestKit.batches(sent, 5));
        assertThat(honest.refusedWrites()).isEqualTo(3);   // 5 -> 3 left -> 1 left; 4 -> 2 left
        SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, readBack());

        target.clear();
        SinkTestKit.drive(new TakesTwo(1), SinkTestKit.batches(sent, 5));   // says 1 where it took 2
        assertThatThrownBy(() -> SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, readBack()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("updates of contact:c");
    }

    @Test
    void aSinkThatKeepsPartOfAWriteItRefusesIsCaughtWhenTheRefusedBatchIsOfferedAgain() throws Exception {
        List<ScoreUpdate> sent = updates(6);
        GoodSink notIdempotent = new GoodSink() {
            private boolean failedOnce;

            @Override public void write(List<ScoreUpdate> updates) {
                keep(updates.subList(0, 1));
                if (!failedOnce) {
                    failedOnce = true;
                    throw new IllegalStateException("timeout after the first row was stored");   // says: took none
                }
                keep(updates.subList(1, updates.size()));
            }
        };
        SinkTestKit.Result result = SinkTestKit.drive(notIdempotent, SinkTestKit.batches(sent, 3));
        assertThat(result.refusedWrites()).isEqualTo(1);
        assertThatThrownBy(() -> SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, readBack()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("updates of contact:c0");
    }

    @Test
    void aSinkThatKeepsRefusingMakesTheDriveFailWithItsError() {
        FlakySink refusing = FlakySink.failing(n -> true, new RecordingSink());
        assertThatThrownBy(() -> SinkTestKit.drive(refusing, List.of(updates(2)), 3))
                .isInstanceOf(IOException.class).hasMessage("sink refused write #3");
        assertThat(refusing.failures()).isEqualTo(3);
        FlakySink down = FlakySink.failing(n -> false, new RecordingSink());
        down.down(true);
        assertThatThrownBy(() -> SinkTestKit.drive(down, List.of(updates(2))))
                .isInstanceOf(IOException.class).hasMessage("sink is down (open)");
    }

    @Test
    void assertDeliveredSaysWhatWasLostDuplicatedOrReordered() {
        List<ScoreUpdate> sent = updates(4);
        SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, sent);
        assertThatThrownBy(() -> SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, sent.subList(0, 3)))
                .hasMessageContaining("updates of contact:c0 / Lead score were [0@2026-03-01T00:00:00Z], expected "
                        + "[0@2026-03-01T00:00:00Z, 3@2026-03-01T00:00:03Z]");
        assertThatThrownBy(() -> SinkTestKit.assertDeliveredExactlyOnceInOrder(sent, List.of(sent.get(3), sent.get(1),
                sent.get(2), sent.get(0)))).hasMessageContaining("contact:c0");
        assertThatThrownBy(() -> SinkTestKit.assertDeliveredExactlyOnceInOrder(sent.subList(1, 4), sent))
                .hasMessageContaining("contact:c0 / Lead score were [0@");
    }
}
