package dev.scoreline.flink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/** How the reading tasks split the streams and bundle the events before the first shuffle. */
class StreamReaderTest {

    private static CrmEvent event(String id, int minute) {
        return new CrmEvent(new RecordKey("contact", id), "visit", Instant.parse("2026-02-01T00:00:00Z").plusSeconds(60L * minute),
                Map.of());
    }

    @Test
    void consecutiveEventsOfARecordGoAsOneBundleAndNoEventIsLostOrMoved() {
        List<CrmEvent> events = new ArrayList<>();
        for (String id : List.of("c1", "c1", "c2", "c1", "c3", "c3", "c3")) {
            events.add(event(id, events.size()));
        }
        List<Bundle> out = new ArrayList<>();
        StreamReader.events(events::stream, new ListCollector<>(out));
        assertThat(out).extracting(b -> b.key().id() + "×" + b.events.size())
                .containsExactly("c1×2", "c2×1", "c1×1", "c3×3");
        assertThat(out.stream().flatMap(b -> b.events.stream()).toList()).isEqualTo(events);
        assertThat(out).allSatisfy(b -> assertThat(b.events).allMatch(e -> e.record().equals(b.key())));
    }

    @Test
    void aRecordWithVeryManyEventsIsSplitIntoBoundedBundles() {
        List<CrmEvent> events = IntStream.range(0, 2 * StreamReader.EVENTS_PER_BUNDLE + 5).mapToObj(i -> event("c1", i)).toList();
        List<Bundle> out = new ArrayList<>();
        StreamReader.events(events::stream, new ListCollector<>(out));
        assertThat(out).extracting(b -> b.events.size())
                .containsExactly(StreamReader.EVENTS_PER_BUNDLE, StreamReader.EVENTS_PER_BUNDLE, 5);
        List<Bundle> none = new ArrayList<>();
        StreamReader.events(List.<CrmEvent>of()::stream, new ListCollector<>(none));
        assertThat(none).isEmpty();
    }

    @Test
    void theEventsHaveATaskOfTheirOwnWhenThereAreTwoOrMore() {
        List<String> streams = List.of(StreamReader.RECORDS, StreamReader.LISTS, StreamReader.EVENTS, StreamReader.ASSOCIATIONS);
        assertThat(streams).allMatch(s -> StreamReader.task(s, 1) == 0);
        for (int tasks = 2; tasks <= 5; tasks++) {
            int n = tasks;
            assertThat(StreamReader.task(StreamReader.EVENTS, n)).isZero();
            assertThat(streams.stream().filter(s -> !s.equals(StreamReader.EVENTS)))
                    .allMatch(s -> StreamReader.task(s, n) >= 1 && StreamReader.task(s, n) < n);
        }
        assertThat(streams.stream().map(s -> StreamReader.task(s, 4)).distinct()).hasSize(4);
    }
}
