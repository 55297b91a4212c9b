package dev.scoreline.testkit;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each checker passes a correct adapter and fails one broken on purpose, one broken rule at a time. */
class AdapterTestKitTest {

    /** Three contacts, four events and a change feed over them: the correct adapter the broken ones vary. */
    static class GoodAdapter implements CrmAdapter {
        static final List<CrmRecord> RECORDS = List.of(
                new CrmRecord(RecordKey.parse("contact:c1"), Map.of("jobtitle", "CTO")),
                new CrmRecord(RecordKey.parse("contact:c2"), Map.of("jobtitle", "CEO"), List.of("vip")),
                new CrmRecord(RecordKey.parse("contact:c3"), Map.of()));
        static final List<CrmEvent> EVENTS = List.of(
                event("c1", "2026-02-01T00:00:00Z"), event("c2", "2026-02-02T00:00:00Z"),
                event("c3", "2026-02-03T00:00:00Z"), event("c1", "2026-02-04T00:00:00Z"));

        static CrmEvent event(String id, String at) {
            return new CrmEvent(RecordKey.parse("contact:" + id), "meeting_booked", Instant.parse(at), Map.of());
        }

        @Override public String name() { return "good"; }
        @Override public Stream<CrmRecord> records() { return RECORDS.stream(); }
        @Override public Stream<CrmEvent> events() { return EVENTS.stream(); }

        @Override
        public Optional<ChangeFeed> changeFeed() {
            return Optional.of(watermark -> {
                int from = watermark == null ? 0 : Integer.parseInt(watermark);
                List<DataChange> changes = new ArrayList<>();
                for (int i = from; i < EVENTS.size(); i++) {
                    changes.add(new DataChange.EventAppended(EVENTS.get(i)));
                }
                return new ChangeFeed.Batch(changes, Integer.toString(EVENTS.size()));
            });
        }
    }

    @Test
    void aCorrectAdapterPassesAndWhatItGaveIsReturned() {
        AdapterContents read = AdapterTestKit.checkContract(GoodAdapter::new);
        assertThat(read.records()).hasSize(3);
        assertThat(read.events()).hasSize(4);
        assertThat(read.snapshot().listMemberships()).containsExactly("contact:c2 in vip");
    }

    @Test
    void aBlankNameFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(() -> new GoodAdapter() {
            @Override public String name() { return " "; }
        })).isInstanceOf(AssertionError.class).hasMessageContaining("name() is blank");
    }

    /** Its records stream is a one-shot iterator: the second read finds nothing. */
    static final class ReadsOnce extends GoodAdapter {
        private final java.util.Iterator<CrmRecord> once = RECORDS.iterator();

        @Override
        public Stream<CrmRecord> records() {
            List<CrmRecord> left = new ArrayList<>();
            once.forEachRemaining(left::add);
            return left.stream();
        }
    }

    @Test
    void anAdapterWhoseStreamCannotBeReadTwiceFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(ReadsOnce::new))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gives different facts when read again");
    }

    /** Drops its last record from the second read on, as an adapter with an off-by-one paging cursor would. */
    static final class DropsARecord extends GoodAdapter {
        private int reads;

        @Override
        public Stream<CrmRecord> records() {
            return reads++ == 0 ? RECORDS.stream() : RECORDS.stream().limit(RECORDS.size() - 1);
        }
    }

    @Test
    void anAdapterThatDropsARecordFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(DropsARecord::new))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gives different facts when read again");
    }

    /** Keeps its data in a thread-local, so a stream read on the engine's second thread is empty. */
    static final class BoundToItsThread extends GoodAdapter {
        private final ThreadLocal<List<CrmEvent>> events = ThreadLocal.withInitial(List::of);
        private final Thread opener = Thread.currentThread();

        BoundToItsThread() {
            events.set(EVENTS);
        }

        @Override
        public Stream<CrmEvent> events() {
            return Thread.currentThread() == opener ? EVENTS.stream() : events.get().stream();
        }
    }

    @Test
    void anAdapterThatOnlyWorksOnTheThreadThatMadeItFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(BoundToItsThread::new))
                .isInstanceOf(AssertionError.class).hasMessageContaining("read on another thread");
    }

    /** Its "fast path" for some records' events ignores which records were asked for. */
    static final class IgnoresOwners extends GoodAdapter {
        @Override
        public Stream<CrmEvent> events(Predicate<RecordKey> owners) {
            return events();
        }
    }

    @Test
    void eventsOfSomeOwnersThatAreNotExactlyTheirsFail() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(IgnoresOwners::new))
                .isInstanceOf(AssertionError.class).hasMessageContaining(".events(owners) gives 4 events")
                .hasMessageContaining("gives 3");
    }

    /** Says the source ends at an older watermark than its feed reaches: the watermark would go backwards. */
    static final class WatermarkGoesBackwards extends GoodAdapter {
        @Override
        public Optional<ChangeFeed> changeFeed() {
            ChangeFeed feed = super.changeFeed().orElseThrow();
            return Optional.of(new ChangeFeed() {
                @Override public Batch changesSince(String watermark) { return feed.changesSince(watermark); }
                @Override public String currentWatermark() { return "3"; }
            });
        }
    }

    @Test
    void aFeedWhoseCurrentWatermarkIsBehindItsChangesFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(WatermarkGoesBackwards::new))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("currentWatermark() is \"3\" but changesSince(null) ends at \"4\"");
    }

    /** Reports the last event again after any watermark: a run would apply it forever. */
    static final class FeedNeverEnds extends GoodAdapter {
        @Override
        public Optional<ChangeFeed> changeFeed() {
            return Optional.of(watermark -> new ChangeFeed.Batch(List.of(new DataChange.EventAppended(EVENTS.get(3))), "4"));
        }
    }

    @Test
    void aFeedWithChangesAfterItsCurrentWatermarkFails() {
        assertThatThrownBy(() -> AdapterTestKit.checkContract(FeedNeverEnds::new))
                .isInstanceOf(AssertionError.class).hasMessageContaining("changesSince(currentWatermark()) is not empty");
    }

    @Test
    void aNullStreamOrANullItemFails() {
        assertThatThrownBy(() -> AdapterTestKit.read(new GoodAdapter() {
            @Override public Stream<CrmEvent> events() { return null; }
        })).isInstanceOf(AssertionError.class).hasMessage("events() returned null; return Stream.empty() for none");
        assertThatThrownBy(() -> AdapterTestKit.read(new GoodAdapter() {
            @Override public Stream<CrmRecord> records() { return Stream.of(RECORDS.get(0), null); }
        })).isInstanceOf(NullPointerException.class).hasMessage("records() gave a null item");
    }
}
