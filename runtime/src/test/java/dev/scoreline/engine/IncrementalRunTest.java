package dev.scoreline.engine;

import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.Association;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.ScoreStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Scoreline#run()} with a store and a change feed: what is re-scored, and when everything is. */
class IncrementalRunTest {

    static final String RULES = """
            score "Lead" on contact
              type health
              group "Sales" limit 50
                decay 50% every 1 month
                add 10 for each meeting_booked
              group "Fit" limit 50
                add 5 if jobtitle is "CTO"

            score "Account" on company
              type health
              group "Contacts" limit 100
                add 10 for each meeting_booked on associated contact
            """;
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final RecordKey C1 = RecordKey.parse("contact:c1");
    static final RecordKey C2 = RecordKey.parse("contact:c2");
    static final RecordKey C3 = RecordKey.parse("contact:c3");
    static final RecordKey A1 = RecordKey.parse("company:a1");
    static final RecordKey A2 = RecordKey.parse("company:a2");

    /** Data plus a log of what changed; the watermark is the log's length. */
    static final class Crm implements CrmAdapter {
        final Map<RecordKey, CrmRecord> records = new java.util.LinkedHashMap<>();
        final List<CrmEvent> events = new ArrayList<>();
        final List<Association> associations = new ArrayList<>();
        final List<DataChange> log = new ArrayList<>();
        boolean feed = true;

        public String name() { return "crm"; }
        public Stream<CrmRecord> records() { return List.copyOf(records.values()).stream(); }
        public Stream<CrmEvent> events() { return List.copyOf(events).stream(); }
        public Stream<Association> associations() { return List.copyOf(associations).stream(); }

        @Override
        public Optional<ChangeFeed> changeFeed() {
            if (!feed) {
                return Optional.empty();
            }
            return Optional.of(watermark -> {
                int from = watermark == null ? 0 : Integer.parseInt(watermark);
                return new ChangeFeed.Batch(List.copyOf(log.subList(from, log.size())), Integer.toString(log.size()));
            });
        }

        void record(RecordKey key, Map<String, Object> properties) {
            CrmRecord r = new CrmRecord(key, properties);
            records.put(key, r);
            log.add(new DataChange.RecordUpserted(r));
        }

        void event(RecordKey key, String type, Instant at) {
            CrmEvent e = new CrmEvent(key, type, at, Map.of());
            events.add(e);
            log.add(new DataChange.EventAppended(e));
        }
    }

    Crm crm;
    ScoreStore store;

    @BeforeEach
    void data() {
        crm = new Crm();
        crm.record(C1, Map.of("jobtitle", "CTO"));
        crm.record(C2, Map.of("jobtitle", "Intern"));
        crm.record(C3, Map.of("jobtitle", "Intern"));
        crm.record(A1, Map.of());
        crm.record(A2, Map.of());
        crm.associations.add(new Association(A1, C1, java.util.Set.of()));
        crm.associations.add(new Association(A1, C2, java.util.Set.of()));
        crm.associations.add(new Association(A2, C3, java.util.Set.of()));
        crm.event(C1, "meeting_booked", Instant.parse("2026-02-20T00:00:00Z"));
    }

    RunReport run(Instant now) {
        return run(now, RULES, false, r -> { });
    }

    RunReport run(Instant now, String rules, boolean full, Consumer<ScoreResult> observer) {
        return Scoreline.builder()
                .engine(Fixture.ENGINE)
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm))
                .rules("rules.score", rules)
                .store(store)
                .asOf(now)
                .fullRun(full)
                .build()
                .run(observer);
    }

    void withStore(Runnable test) {
        try (ScoreStore s = ScoreStore.open("jdbc:h2:mem:incremental-run-" + System.nanoTime(), null, null)) {
            store = s;
            test.run();
        }
    }

    @Test
    void theFirstRunScoresEverythingAndTheNextOnlyWhatMoved() {
        withStore(() -> {
            RunReport first = run(NOW);
            assertThat(first.plan()).startsWith("full: \"Account\" has not run on this store yet");
            assertThat(first.rescored()).isEqualTo(5);

            RunReport second = run(NOW);
            assertThat(second.plan()).isEqualTo("incremental: 0 records changed in the feed, 0 fell due");
            assertThat(second.rescored()).isZero();
            assertThat(second.changed()).isZero();
            // The counts are the store's: records not re-scored keep their values.
            assertThat(second.statusCounts().get("Lead")).containsEntry("At risk", 3L);
            assertThat(first.statusCountsBefore().get("Lead")).isEmpty();
            assertThat(second.statusCountsBefore().get("Lead")).isEqualTo(Map.of("At risk", 3L));
        });
    }

    @Test
    void anAppendedEventRescoresItsRecordAndTheRecordsReadingItThroughAssociations() {
        withStore(() -> {
            run(NOW);
            crm.event(C2, "meeting_booked", Instant.parse("2026-02-27T00:00:00Z"));
            RunReport report = run(NOW);
            assertThat(report.plan()).isEqualTo("incremental: 1 record changed in the feed, 0 fell due");
            assertThat(report.rescored()).isEqualTo(2);                     // c2 and its company a1, not c1, c3, a2
            assertThat(report.changed()).isEqualTo(2);
            List<HistoryEntry> history = store.historyOfRun(report.runId());
            assertThat(history).extracting(h -> h.score() + " " + h.record() + " " + h.newValue())
                    .containsExactly("Account company:a1 20", "Lead contact:c2 10");
            assertThat(history.get(1).cause()).contains("meeting_booked event of contact:c2 at 2026-02-27T00:00:00Z")
                    .contains("Sales 10, Fit 0 -> 10 At risk; rules: line 5 add 10 for each meeting_booked +10");
            assertThat(history.get(0).cause()).contains("associated contact:c2: meeting_booked event of contact:c2");
        });
    }

    @Test
    void timeAloneRescoresOnlyTheRecordsWhoseDecayStepCame() {
        withStore(() -> {
            run(NOW);
            Instant stepBefore = Instant.parse("2026-03-21T23:59:59Z");          // 30 days after the meeting: not yet
            assertThat(run(stepBefore).rescored()).isZero();
            RunReport report = run(Instant.parse("2026-03-23T00:00:00Z"));  // the step came for c1 (and a1 reads c1)
            assertThat(report.plan()).isEqualTo("incremental: 0 records changed in the feed, 2 fell due");
            assertThat(report.rescored()).isEqualTo(2);
            assertThat(store.current("Lead", C1)).hasValueSatisfying(v -> assertThat(v.value()).isEqualByComparingTo("10"));
            assertThat(store.historyOfRun(report.runId())).singleElement()
                    .satisfies(h -> assertThat(h.cause()).contains("time: decay or timeframe moved"));
        });
    }

    @Test
    void everythingIsScoredWhenTheLastRunCannotBeReliedOn() {
        withStore(() -> {
            run(NOW);
            assertThat(run(NOW, RULES, true, r -> { }).plan()).isEqualTo("full: asked for");
            assertThat(run(NOW.minusSeconds(60)).plan()).startsWith("full: NOW (2026-02-28T23:59:00Z) is before the last run");
            run(NOW);
            String changed = RULES.replace("add 5 if", "add 6 if");
            assertThat(run(NOW, changed, false, r -> { }).plan())
                    .isEqualTo("full: the definition of \"Lead\" changed since its last run");
            assertThat(run(NOW, changed, false, r -> { }).plan()).startsWith("incremental");
            crm.feed = false;
            RunReport noFeed = run(NOW, changed, false, r -> { });
            assertThat(noFeed.plan()).isEqualTo("full: adapter crm has no change feed");
            crm.feed = true;
            // A run without a feed keeps no position, so the next one cannot start from the older one.
            assertThat(run(NOW, changed, false, r -> { }).plan()).startsWith("full: \"Account\" has not run on this store yet");
        });
    }

    @Test
    void aRecordThatLeavesTheScopeIsRemovedAndTheOthersKeepTheirValues() {
        String scoped = RULES.replace("  type health\n  group \"Sales\"", "  type health\n  include lists \"Leads\"\n  group \"Sales\"");
        withStore(() -> {
            crm.records.replaceAll((k, r) -> new CrmRecord(k, r.properties(), List.of("Leads")));
            run(NOW, scoped, false, r -> { });
            CrmRecord left = new CrmRecord(C2, Map.of("jobtitle", "Intern"), List.of());
            crm.records.put(C2, left);
            crm.log.add(new DataChange.RecordUpserted(left));
            RunReport report = run(NOW, scoped, false, r -> { });
            assertThat(report.plan()).startsWith("incremental");
            assertThat(store.current("Lead", C2)).isEmpty();
            assertThat(store.current("Lead", C1)).isPresent();
            assertThat(store.current("Lead", C3)).isPresent();
            assertThat(store.historyOfRun(report.runId())).extracting(h -> h.record() + " " + h.newStatus() + " " + h.cause())
                    .containsExactly("contact:c2 null left scope");
        });
    }

    @Test
    void anIncrementalRunKilledMidwayIsResumedWithoutLossOrDuplicates() {
        withStore(() -> {
            store.batchSize(1);
            run(NOW);
            crm.event(C2, "meeting_booked", Instant.parse("2026-02-27T00:00:00Z"));
            crm.event(C3, "meeting_booked", Instant.parse("2026-02-27T00:00:00Z"));
            int[] seen = {0};
            assertThatThrownBy(() -> run(NOW, RULES, false, r -> {
                if (++seen[0] == 3) {
                    throw new IllegalStateException("killed");
                }
            })).hasMessageContaining("killed");
            String runId = store.unfinishedRuns().get(0).runId();
            RunReport resumed = run(NOW);
            assertThat(resumed.runId()).isEqualTo(runId);
            assertThat(resumed.plan()).startsWith("incremental: 2 records changed");
            List<HistoryEntry> history = store.historyOfRun(runId);
            assertThat(history).extracting(h -> h.score() + " " + h.record() + " " + h.newValue())
                    .containsExactly("Account company:a1 20", "Account company:a2 10", "Lead contact:c2 10", "Lead contact:c3 10");
            assertThat(store.unfinishedRuns()).isEmpty();
            assertThat(run(NOW).plan()).isEqualTo("incremental: 0 records changed in the feed, 0 fell due");
        });
    }
}
