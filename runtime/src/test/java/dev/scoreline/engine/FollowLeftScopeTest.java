package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.runtime.Scoreline;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.ScoreStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a feed: a list membership removed, or a record deleted, reaches the sinks as one left-scope update. */
class FollowLeftScopeTest {

    private static final String RULES = FollowTest.RULES.replace("  type health\n", "  type health\n  include lists \"Leads\"\n");

    /** c1 and c2 are in the list "Leads"; the log grows while followed. */
    static final class ListCrm implements CrmAdapter {
        final List<DataChange> log = new CopyOnWriteArrayList<>();

        public String name() { return "lists"; }

        public Stream<CrmRecord> records() {
            return Stream.of(new CrmRecord(FollowTest.C1, Map.of("jobtitle", "CTO"), List.of("Leads")),
                    new CrmRecord(FollowTest.C2, Map.of("jobtitle", "Intern"), List.of("Leads")));
        }

        public Stream<CrmEvent> events() {
            return Stream.of(new CrmEvent(FollowTest.C1, "meeting_booked", Instant.parse("2026-02-20T00:00:00Z"), Map.of()));
        }

        @Override
        public Optional<ChangeFeed> changeFeed() {
            return Optional.of(watermark -> {
                int from = watermark == null ? log.size() : Integer.parseInt(watermark);
                List<DataChange> changes = new ArrayList<>(log.subList(from, log.size()));
                return new ChangeFeed.Batch(changes, Integer.toString(from + changes.size()));
            });
        }
    }

    @Test
    void aRemovedMembershipAndADeletedRecordEachGiveOneLeftScopeUpdate(@TempDir Path dir) {
        ListCrm crm = new ListCrm();
        List<ScoreUpdate> received = new CopyOnWriteArrayList<>();
        ScoreSink sink = new ScoreSink() {
            public String name() { return "collect"; }
            public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
        };
        try (ScoreStore store = ScoreStore.embedded(dir.resolve("store"))) {
            int[] polls = {0};
            Scoreline.builder()
                    .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(sink))
                    .rules("lead.score", RULES)
                    .asOf(FollowTest.NOW)
                    .outbox(dir.resolve("outbox"))
                    .store(store)
                    .build()
                    .follow(Duration.ofMillis(1), () -> {
                        switch (polls[0]++) {
                            case 0 -> crm.log.add(new DataChange.ListMembershipRemoved(new ListMembership("Leads", FollowTest.C1)));
                            case 1 -> crm.log.add(new DataChange.RecordRemoved(FollowTest.C2));
                            default -> { }
                        }
                        return polls[0] <= 3;
                    });

            assertThat(received).extracting(u -> u.result().record() + "=" + (u.leftScope() ? "none" : u.result().value())
                            + " was " + u.previousValue() + " " + u.previousStatus())
                    .containsExactly("contact:c1=15 was null null", "contact:c2=0 was null null",
                            "contact:c1=none was 15 " + received.get(0).result().status(),
                            "contact:c2=none was 0 " + received.get(1).result().status());
            assertThat(received.get(2).cause()).startsWith("left scope");
            assertThat(store.current("Lead", FollowTest.C1)).isEmpty();
            assertThat(store.current("Lead", FollowTest.C2)).isEmpty();
            List<HistoryEntry> c1 = store.history(FollowTest.C1, Optional.of("Lead"));
            assertThat(c1).last().satisfies(h -> {
                assertThat(h.removed()).isTrue();
                assertThat(h.oldValue()).isEqualByComparingTo("15");
                assertThat(h.cause()).startsWith("left scope");
            });
        }
    }
}
