package dev.scoreline.learn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HeldDataTest {

    private static final RecordKey C1 = new RecordKey("contact", "c1");
    private static final RecordKey C2 = new RecordKey("Contact", "c2");
    private static final RecordKey CO = new RecordKey("company", "k1");
    private static final List<CrmRecord> RECORDS = List.of(new CrmRecord(C1, Map.of("jobtitle", "VP")),
            new CrmRecord(C2, Map.of()), new CrmRecord(CO, Map.of("name", "Acme")));
    private static final List<CrmEvent> EVENTS = List.of(
            new CrmEvent(C1, "page_view", Instant.parse("2025-01-01T00:00:00.123456789Z"), Map.of("url", "/pricing")),
            new CrmEvent(C2, " Lifecycle_Change ", Instant.parse("2025-02-01T00:00:00Z"), Map.of("to", "lead")),
            new CrmEvent(C1, "page_view", Instant.parse("2025-03-01T00:00:00Z"), Map.of("url", "/pricing")),
            new CrmEvent(CO, "lifecycle_change", Instant.parse("2025-04-01T00:00:00Z"), Map.of()));

    /** A source that counts how often its events are read. */
    private static final class Source implements CrmAdapter {
        final AtomicInteger eventReads = new AtomicInteger();

        @Override public String name() { return "test"; }
        @Override public Stream<CrmRecord> records() { return RECORDS.stream(); }
        @Override public Stream<Association> associations() { return Stream.of(new Association(C1, CO, Set.of())); }

        @Override
        public Stream<CrmEvent> events() {
            eventReads.incrementAndGet();
            return EVENTS.stream();
        }
    }

    @Test
    void servesWhatTheSourceGaveReadingItOnce() {
        Source source = new Source();
        HeldData held = HeldData.read(source, DataProblems.IGNORE);
        assertThat(held.records().toList()).isEqualTo(RECORDS);
        assertThat(held.events().toList()).isEqualTo(EVENTS);
        assertThat(held.events().toList()).isEqualTo(EVENTS);
        assertThat(held.associations().toList()).hasSize(1);
        assertThat(held.name()).isEqualTo("test");
        assertThat(source.eventReads).hasValue(1);
    }

    @Test
    void onlyKeepsOneTypesRecordsAndSomeEventTypesAsTheLanguageComparesNames() {
        CrmAdapter only = HeldData.read(new Source(), DataProblems.IGNORE).only("CONTACT", Set.of("lifecycle_change"));
        assertThat(only.records().map(CrmRecord::key).toList()).containsExactly(C1, C2);
        assertThat(only.events().toList()).containsExactly(EVENTS.get(1));
        assertThat(only.associations().toList()).isEmpty();
    }
}
