package dev.scoreline.engine;

import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
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

/** {@link Scoreline#follow}: a change feed followed into sinks and, with a store, into the history. */
class FollowTest {

    static final String RULES = """
            score "Lead" on contact
              type health
              group "Sales" limit 100
                add 10 for each meeting_booked
                add 5 if jobtitle is "CTO"
            """;
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final RecordKey C1 = RecordKey.parse("contact:c1");
    static final RecordKey C2 = RecordKey.parse("contact:c2");

    /** A CRM whose change log grows while it is followed; the watermark is the log's length. */
    static final class GrowingCrm implements CrmAdapter {
        final List<DataChange> log = new CopyOnWriteArrayList<>();

        public String name() { return "growing"; }

        public Stream<CrmRecord> records() {
            return Stream.of(new CrmRecord(C1, Map.of("jobtitle", "CTO")), new CrmRecord(C2, Map.of("jobtitle", "Intern")));
        }

        public Stream<CrmEvent> events() {
            return Stream.of(new CrmEvent(C1, "meeting_booked", Instant.parse("2026-02-20T00:00:00Z"), Map.of()));
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
    void eachPollIsStoredAsHistoryWithItsCauseBeforeTheSinksGetIt(@TempDir Path dir) {
        GrowingCrm crm = new GrowingCrm();
        List<ScoreUpdate> received = new CopyOnWriteArrayList<>();
        ScoreSink sink = new ScoreSink() {
            public String name() { return "collect"; }
            public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
        };
        try (ScoreStore store = ScoreStore.embedded(dir.resolve("store"))) {
            int[] polls = {0};
            RunReport report = Scoreline.builder()
                    .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(sink))
                    .rules("lead.score", RULES)
                    .asOf(NOW)
                    .outbox(dir.resolve("outbox"))
                    .store(store)
                    .build()
                    .follow(Duration.ofMillis(1), () -> {
                        switch (polls[0]++) {
                            case 0 -> {
                                // Two meetings for c2 in one poll: one history entry, both causes.
                                crm.log.add(new DataChange.EventAppended(new CrmEvent(C2, "meeting_booked",
                                        Instant.parse("2026-02-27T00:00:00Z"), Map.of())));
                                crm.log.add(new DataChange.EventAppended(new CrmEvent(C2, "meeting_booked",
                                        Instant.parse("2026-02-28T00:00:00Z"), Map.of())));
                            }
                            case 1 -> crm.log.add(new DataChange.EventAppended(new CrmEvent(C1, "page_view",
                                    Instant.parse("2026-02-28T00:00:00Z"), Map.of())));
                            default -> { }
                        }
                        return polls[0] <= 3;
                    });

            assertThat(report.runId()).startsWith("follow-");
            // First pass: both records enter; then c2 moves once (0 -> 20); a page view changes nothing.
            assertThat(received).extracting(u -> u.result().record() + "=" + u.result().value().toPlainString()
                            + " was " + (u.previousValue() == null ? "-" : u.previousValue().toPlainString()))
                    .containsExactly("contact:c1=15 was -", "contact:c2=0 was -", "contact:c2=20 was 0");
            List<HistoryEntry> c2 = store.history(C2, Optional.of("Lead"));
            assertThat(c2).hasSize(2);
            HistoryEntry moved = c2.get(1);
            assertThat(moved.runId()).isEqualTo(report.runId() + "-1");
            assertThat(moved.newValue()).isEqualByComparingTo("20");
            assertThat(moved.cause()).contains("meeting_booked event of contact:c2 at 2026-02-27")
                    .contains("meeting_booked event of contact:c2 at 2026-02-28");
            assertThat(store.current("Lead", C2)).hasValueSatisfying(v -> assertThat(v.value()).isEqualByComparingTo("20"));
            assertThat(store.history(C1, Optional.of("Lead"))).hasSize(1);
        }
    }

    /** An adjustment made while following (scoreline adjust in another process) is applied by the next poll. */
    @Test
    void anAdjustmentMadeWhileFollowingIsDeliveredByTheNextPollWithItsAuthorAndReason(@TempDir Path dir) {
        GrowingCrm crm = new GrowingCrm();
        List<ScoreUpdate> received = new CopyOnWriteArrayList<>();
        ScoreSink sink = new ScoreSink() {
            public String name() { return "collect"; }
            public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
        };
        try (ScoreStore store = ScoreStore.embedded(dir.resolve("store"))) {
            int[] polls = {0};
            RunReport report = Scoreline.builder()
                    .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(sink))
                    .rules("lead.score", RULES).asOf(NOW).outbox(dir.resolve("outbox")).store(store).build()
                    .follow(Duration.ofMillis(1), () -> {
                        if (polls[0]++ == 0) {
                            store.adjustments().add("Lead", C2, new java.math.BigDecimal("12"), "asked for a demo",
                                    "alice", null);
                        }
                        return polls[0] <= 2;
                    });
            assertThat(received).extracting(u -> u.result().record() + "=" + u.result().value().toPlainString())
                    .containsExactly("contact:c1=15", "contact:c2=0", "contact:c2=12");
            assertThat(received.get(2).cause()).startsWith("adjustment #1 +12 by alice: \"asked for a demo\"");
            HistoryEntry adjusted = store.history(C2, Optional.of("Lead")).get(1);
            assertThat(adjusted.runId()).isEqualTo(report.runId() + "-1");
            assertThat(adjusted.cause()).contains("adjustment #1 +12 by alice: \"asked for a demo\"");
            assertThat(store.adjustments().pending(List.of("Lead")).isEmpty()).isTrue();
        }
    }

    @Test
    void aSecondFollowStartsFromWhatTheStoreHoldsAndDeliversNothingNew(@TempDir Path dir) {
        try (ScoreStore store = ScoreStore.embedded(dir.resolve("store"))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                List<ScoreUpdate> received = new ArrayList<>();
                ScoreSink sink = new ScoreSink() {
                    public String name() { return "collect"; }
                    public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
                };
                Scoreline.builder()
                        .install(binder -> ScorelineBinder.of(binder).addAdapter(new GrowingCrm()).addSink(sink))
                        .rules("lead.score", RULES)
                        .asOf(NOW)
                        .outbox(dir.resolve("outbox"))
                        .store(store)
                        .build()
                        .follow(Duration.ofMillis(1), () -> false);
                assertThat(received).hasSize(attempt == 0 ? 2 : 0);
            }
        }
    }
}
