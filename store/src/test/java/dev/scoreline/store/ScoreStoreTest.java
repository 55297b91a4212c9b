package dev.scoreline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store on H2 and on a real PostgreSQL: the same tests, the same answers. */
class ScoreStoreTest {

    static {
        // Quiet INFO logs of Flyway and embedded PostgreSQL (slf4j-simple reads these per logger).
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    private static final String LEAD = "Lead score";
    private static final Instant JAN = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T00:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-03T00:00:00Z");

    private static String text(String name, String type, String body) {
        return "# " + name + "\nscore \"" + name + "\" on " + type + "\n  type engagement\n" + body + "\n";
    }

    private static ScoreStore store(String db) {
        return StoreDatabases.open(StoreDatabases.freshUrl(db))
                .clock(Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));
    }

    private static ScoreResult result(String score, String key, String value, String status) {
        return new ScoreResult(score, RecordKey.parse(key), new BigDecimal(value), status, Map.of(), null, null);
    }

    private static final Function<ScoreResult, String> CAUSE = r -> "rule \"calls\" matched for " + r.record();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void catalogLifecycleWithVersions(String db) {
        try (ScoreStore store = store(db)) {
            SavedDraft first = store.saveDraft(LEAD, "contact", text(LEAD, "contact", "  group \"A\"\n    add 1 for each call"));
            assertThat(first.newScore()).isTrue();
            assertThat(first.entry().state()).isEqualTo(CatalogEntry.State.DRAFT);
            assertThat(first.entry().version()).isEqualTo(1);
            assertThat(first.entry().hash()).hasSize(64)
                    .isEqualTo(ScoreStore.sha256(text(LEAD, "contact", "  group \"A\"\n    add 1 for each call")));
            assertThat(first.entry().createdAt()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));

            SavedDraft same = store.saveDraft(LEAD, "contact", text(LEAD, "contact", "  group \"A\"\n    add 1 for each call"));
            assertThat(same.newVersion()).isFalse();
            assertThat(same.entry().version()).isEqualTo(1);

            SavedDraft second = store.saveDraft(LEAD, "contact", text(LEAD, "contact", "  group \"A\"\n    add 2 for each call"));
            assertThat(second.newVersion()).isTrue();
            assertThat(second.entry().version()).isEqualTo(2);
            assertThat(second.entry().hash()).isNotEqualTo(first.entry().hash());

            CatalogEntry active = store.activate(LEAD);
            assertThat(active.state()).isEqualTo(CatalogEntry.State.ACTIVE);
            assertThat(active.activeVersion()).isEqualTo(2);
            assertThat(active.needsFullRun()).isTrue();
            assertThat(store.activate(LEAD)).isEqualTo(active);

            // Editing an active score keeps its active version running until it is activated again.
            store.saveDraft(LEAD, "contact", text(LEAD, "contact", "  group \"A\"\n    add 3 for each call"));
            CatalogEntry pending = store.entry(LEAD).orElseThrow();
            assertThat(pending.isActive()).isTrue();
            assertThat(pending.hasPendingDraft()).isTrue();
            assertThat(store.activeDefinitions()).extracting(ScoreVersion::version).containsExactly(2);
            assertThat(store.activate(LEAD).activeVersion()).isEqualTo(3);
            assertThat(store.activeDefinitions().get(0).sourceText()).contains("add 3 for each call");
            assertThat(store.versions(LEAD)).extracting(ScoreVersion::version).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> store.saveDraft(LEAD, "company", text(LEAD, "company", "")))
                    .satisfies(code(ErrorCode.CATALOG_CONFLICT))
                    .hasMessage("score \"Lead score\" is active on contact").satisfies(fix("deactivate it before moving it to company"));

            CatalogEntry copy = store.clone(LEAD, "Lead score B");
            assertThat(copy.state()).isEqualTo(CatalogEntry.State.DRAFT);
            assertThat(copy.version()).isEqualTo(1);
            assertThat(store.latest("Lead score B").sourceText())
                    .contains("score \"Lead score B\" on contact").contains("add 3 for each call");
            assertThatThrownBy(() -> store.clone(LEAD, "Lead score B"))
                    .satisfies(code(ErrorCode.CATALOG_CONFLICT)).hasMessageContaining("exists");

            assertThatThrownBy(() -> store.delete(LEAD))
                    .satisfies(code(ErrorCode.CATALOG_CONFLICT))
                    .hasMessage("score \"Lead score\" is active").satisfies(fix("deactivate it before deleting it"));
            assertThat(store.list()).extracting(CatalogEntry::name, e -> e.state().label(), CatalogEntry::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LEAD, "active", 3),
                            org.assertj.core.groups.Tuple.tuple("Lead score B", "draft", 1));

            CatalogEntry stopped = store.deactivate(LEAD);
            assertThat(stopped.state()).isEqualTo(CatalogEntry.State.DRAFT);
            assertThat(stopped.activeVersion()).isNull();
            assertThat(store.activeDefinitions()).isEmpty();
            store.delete(LEAD);
            assertThat(store.list()).extracting(CatalogEntry::name).containsExactly("Lead score B");
            assertThatThrownBy(() -> store.activate(LEAD))
                    .satisfies(code(ErrorCode.UNKNOWN_SCORE)).hasMessage("no score named \"Lead score\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void quotasPerObjectType(String db) {
        try (ScoreStore store = store(db)) {
            store.setQuotas("contact", new Quotas(1, 2));
            store.setDefaultQuotas(new Quotas(5, 1));
            assertThat(store.quotas("contact")).isEqualTo(new Quotas(1, 2));
            assertThat(store.quotas("deal")).isEqualTo(new Quotas(5, 1));
            store.saveDraft("A", "contact", text("A", "contact", ""));
            store.saveDraft("B", "contact", text("B", "contact", ""));
            assertThatThrownBy(() -> store.saveDraft("C", "contact", text("C", "contact", "")))
                    .satisfies(code(ErrorCode.QUOTA_EXCEEDED))
                    .hasMessage("cannot add a draft: object type contact already has 2 drafts and its quota is 2")
                    .satisfies(fix("delete or activate one first"));
            assertThatThrownBy(() -> store.clone("A", "A2")).satisfies(code(ErrorCode.QUOTA_EXCEEDED));
            // Other types have their own quotas.
            store.saveDraft("D", "deal", text("D", "deal", ""));
            assertThatThrownBy(() -> store.saveDraft("E", "deal", text("E", "deal", "")))
                    .hasMessageContaining("object type deal already has 1 draft and its quota is 1");

            store.activate("A");
            assertThatThrownBy(() -> store.activate("B"))
                    .satisfies(code(ErrorCode.QUOTA_EXCEEDED))
                    .hasMessage("cannot activate \"B\": object type contact already has 1 active score and its quota is 1")
                    .satisfies(fix("deactivate one first"));
            // A new version of a score already counted needs no quota.
            store.saveDraft("A", "contact", text("A", "contact", "  limit 50"));
            store.activate("A");
            // Activating freed a draft place.
            store.saveDraft("C", "contact", text("C", "contact", ""));
            // Deactivating is never refused, even above the drafts quota.
            assertThat(store.deactivate("A").isActive()).isFalse();
            assertThat(store.allQuotas()).containsOnlyKeys("*", "contact");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void diffsHistoryAndTrend(String db) {
        try (ScoreStore store = store(db)) {
            store.saveDraft(LEAD, "contact", text(LEAD, "contact", ""));
            store.activate(LEAD);
            ScoreDiff first = store.apply(LEAD, List.of(
                    result(LEAD, "contact:c1", "29", "Low"),
                    result(LEAD, "contact:c2", "55.5", "Medium"),
                    result(LEAD, "contact:c3", "80", "High"),
                    result(LEAD, "contact:c4", "10", "Low")), JAN, "run-1", CAUSE);
            assertThat(first.changed()).isEqualTo(4);
            assertThat(first.before()).isEmpty();
            assertThat(first.after()).containsExactly(Map.entry("High", 1L), Map.entry("Low", 2L), Map.entry("Medium", 1L));
            assertThat(first.changes()).allSatisfy(u -> assertThat(u.previousStatus()).isNull());
            assertThat(store.entry(LEAD).orElseThrow().needsFullRun()).isFalse();

            // c1 value moves, c2 status moves, c3 unchanged, c4 leaves the scope, c5 enters.
            ScoreDiff second = store.apply(LEAD, List.of(
                    result(LEAD, "contact:c1", "35.00", "Low"),
                    result(LEAD, "contact:c2", "72", "High"),
                    result(LEAD, "contact:c3", "80.00", "High"),
                    result(LEAD, "contact:c5", "5", "Low")), FEB, "run-2", CAUSE);
            assertThat(second.changes()).extracting(u -> u.result().record().toString(), ScoreUpdate::previousValue,
                            ScoreUpdate::previousStatus, u -> u.result().status())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("contact:c1", new BigDecimal("29"), "Low", "Low"),
                            org.assertj.core.groups.Tuple.tuple("contact:c2", new BigDecimal("55.5"), "Medium", "High"),
                            org.assertj.core.groups.Tuple.tuple("contact:c5", null, null, "Low"));
            assertThat(second.changes().get(0).cause()).isEqualTo("rule \"calls\" matched for contact:c1");
            assertThat(second.changes().get(0).at()).isEqualTo(FEB);
            assertThat(second.removed()).isEqualTo(1);
            assertThat(second.removals()).singleElement().satisfies(h -> {
                assertThat(h.record()).isEqualTo(RecordKey.parse("contact:c4"));
                assertThat(h.oldValue()).isEqualByComparingTo("10");
                assertThat(h.newValue()).isNull();
                assertThat(h.cause()).isEqualTo(ScoreStore.LEFT_SCOPE);
            });
            assertThat(second.before()).containsExactly(Map.entry("High", 1L), Map.entry("Low", 2L), Map.entry("Medium", 1L));
            assertThat(second.after()).containsExactly(Map.entry("High", 2L), Map.entry("Low", 2L));
            assertThat(store.current(LEAD, RecordKey.parse("contact:c4"))).isEmpty();
            assertThat(store.current(LEAD, RecordKey.parse("contact:c1")).orElseThrow().value()).isEqualByComparingTo("35");

            // A third run that changes nothing writes no history.
            ScoreDiff third = store.apply(LEAD, List.of(
                    result(LEAD, "contact:c1", "35", "Low"), result(LEAD, "contact:c2", "72", "High"),
                    result(LEAD, "contact:c3", "80", "High"), result(LEAD, "contact:c5", "5", "Low")), FEB, "run-3", CAUSE);
            assertThat(third.isEmpty()).isTrue();
            assertThat(store.historyOfRun("run-3")).isEmpty();

            store.apply(LEAD, List.of(
                    result(LEAD, "contact:c1", "61", "Medium"), result(LEAD, "contact:c2", "72", "High"),
                    result(LEAD, "contact:c3", "80", "High"), result(LEAD, "contact:c5", "5", "Low")), APR, "run-4",
                    r -> "event meeting_booked at 2026-04-01 (+26)");

            List<HistoryEntry> c1 = store.history(RecordKey.parse("contact:c1"), Optional.of(LEAD));
            assertThat(c1).extracting(HistoryEntry::at, HistoryEntry::runId, HistoryEntry::oldValue, HistoryEntry::newValue,
                            HistoryEntry::newStatus, HistoryEntry::cause)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(JAN, "run-1", null, new BigDecimal("29"), "Low",
                                    "rule \"calls\" matched for contact:c1"),
                            org.assertj.core.groups.Tuple.tuple(FEB, "run-2", new BigDecimal("29"), new BigDecimal("35"), "Low",
                                    "rule \"calls\" matched for contact:c1"),
                            org.assertj.core.groups.Tuple.tuple(APR, "run-4", new BigDecimal("35"), new BigDecimal("61"), "Medium",
                                    "event meeting_booked at 2026-04-01 (+26)"));
            assertThat(store.history(RecordKey.parse("contact:c1"), Optional.empty())).hasSize(3);
            assertThat(store.history(RecordKey.parse("contact:c1"), Optional.of("other"))).isEmpty();

            // March had no change: it carries February's value.
            assertThat(store.monthlyTrend(RecordKey.parse("contact:c1"), Optional.empty())).containsOnlyKeys(LEAD);
            assertThat(store.monthlyTrend(RecordKey.parse("contact:c1"), Optional.of(LEAD)).get(LEAD))
                    .extracting(MonthlyValue::month, m -> m.value().toPlainString(), MonthlyValue::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 1), "29", "Low"),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 2), "35", "Low"),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 3), "35", "Low"),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 4), "61", "Medium"));
            assertThat(store.monthlyTrend(RecordKey.parse("contact:c4"), Optional.of(LEAD)).get(LEAD))
                    .extracting(MonthlyValue::month, MonthlyValue::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 1), new BigDecimal("10")),
                            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 2), null));

            // Deleting a score keeps its history but drops its current values.
            store.deactivate(LEAD);
            store.delete(LEAD);
            assertThat(store.statusCounts(LEAD)).isEmpty();
            assertThat(store.history(RecordKey.parse("contact:c1"), Optional.of(LEAD))).hasSize(3);
        }
    }

    /** 95 records, batches of 10; the cause function fails at the 37th change, as a kill would. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aCrashMidwayLosesNothingAndReapplyDuplicatesNothing(String db) {
        String url = StoreDatabases.freshUrl(db);
        List<ScoreResult> before = population(LEAD, 100, 0);
        List<ScoreResult> after = population(LEAD, 95, 1);           // every value moves, 5 leave
        Map<String, ScoreUpdate> expected;
        // The same runs on a score applied without a crash tell what the crashed one must end as.
        try (ScoreStore store = StoreDatabases.open(url).batchSize(10)) {
            store.apply("clean", rename(before, "clean"), JAN, "run-1", CAUSE);
            ScoreDiff clean = store.apply("clean", rename(after, "clean"), FEB, "run-2", CAUSE);
            expected = byKey(clean.changes());
            assertThat(clean.changed()).isEqualTo(95);
            assertThat(clean.removed()).isEqualTo(5);

            store.apply(LEAD, before, JAN, "run-1", CAUSE);
            assertThatThrownBy(() -> store.apply(LEAD, after, FEB, "run-2", killedAt(37))).hasMessage("killed");
            RunInfo interrupted = store.unfinishedRuns().stream().filter(r -> r.score().equals(LEAD)).findFirst().orElseThrow();
            assertThat(interrupted.runId()).isEqualTo("run-2");
            assertThat(interrupted.batches()).isEqualTo(3);             // 30 results committed, the 4th batch rolled back
            assertThat(interrupted.lastKey()).isEqualTo(after.get(29).record().toString());
            assertThat(store.historyOfRun("run-2").stream().filter(h -> h.score().equals(LEAD))).hasSize(30);
        }
        // The process is gone; a new one opens the store and applies the same run again.
        try (ScoreStore store = StoreDatabases.open(url).batchSize(7)) {
            RunInfo run = store.unfinishedRuns().get(0);
            ScoreDiff resumed = store.apply(LEAD, after.iterator(), run.at(), run.runId(), CAUSE, null, null);
            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.recovered()).isEqualTo(30);
            assertThat(resumed.changed()).isEqualTo(95);
            assertThat(resumed.removed()).isEqualTo(5);
            assertThat(resumed.before()).isEqualTo(statusCounts(before));
            assertThat(resumed.after()).isEqualTo(statusCounts(after));
            Map<String, ScoreUpdate> got = byKey(resumed.changes());
            assertThat(got.keySet()).isEqualTo(expected.keySet());
            got.forEach((k, u) -> {
                assertThat(u.previousValue()).isEqualByComparingTo(expected.get(k).previousValue());
                assertThat(u.result().value()).isEqualByComparingTo(expected.get(k).result().value());
            });
            List<HistoryEntry> history = store.historyOfRun("run-2").stream().filter(h -> h.score().equals(LEAD)).toList();
            assertThat(history).hasSize(100);
            assertThat(history.stream().map(h -> h.record().toString()).distinct()).hasSize(100);
            assertThat(store.unfinishedRuns()).isEmpty();
            for (ScoreResult r : after) {
                assertThat(store.current(LEAD, r.record()).orElseThrow().value()).isEqualByComparingTo(r.value());
            }
            // Applying the finished run once more writes nothing new.
            ScoreDiff again = store.apply(LEAD, after, FEB, "run-2", CAUSE);
            assertThat(again.removed()).isZero();
            assertThat(store.historyOfRun("run-2").stream().filter(h -> h.score().equals(LEAD))).hasSize(100);
            assertThat(store.statusCounts(LEAD)).isEqualTo(statusCounts(after));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void pushedResultsStreamToAListenerBatchByBatch(String db) {
        try (ScoreStore store = store(db).batchSize(50)) {
            List<ScoreDiff.Batch> batches = new ArrayList<>();
            RunApplication run = store.beginRun(List.of(LEAD, "Fit"), JAN, "run-1", CAUSE, null, batches::add);
            population(LEAD, 120, 0).forEach(run);
            population("Fit", 30, 0).forEach(run);
            Map<String, ScoreDiff> diffs = run.finish();
            assertThat(diffs.get(LEAD).changed()).isEqualTo(120);
            assertThat(diffs.get(LEAD).changes()).isEmpty();
            assertThat(diffs.get("Fit").changed()).isEqualTo(30);
            assertThat(batches).extracting(b -> b.changes().size()).containsExactly(50, 50, 20, 30);
            // A score of the run with no results any more: all its records leave the scope.
            batches.clear();
            RunApplication next = store.beginRun(List.of(LEAD, "Fit"), FEB, "run-2", CAUSE, null, batches::add);
            population(LEAD, 120, 0).forEach(next);
            Map<String, ScoreDiff> nextDiffs = next.finish();
            assertThat(nextDiffs.get(LEAD).isEmpty()).isTrue();
            assertThat(nextDiffs.get("Fit").removed()).isEqualTo(30);
            assertThat(nextDiffs.get("Fit").after()).isEmpty();
            assertThat(batches).extracting(b -> b.removals().size()).containsExactly(30);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2})
    void aRunKilledWithoutCleanupResumesFromTheStoreAlone(String db) {
        String url = StoreDatabases.freshUrl(db);
        List<ScoreResult> results = population(LEAD, 25, 0);
        try (ScoreStore store = StoreDatabases.open(url).batchSize(10)) {
            ScoreApplication a = store.begin(LEAD, JAN, "run-1", CAUSE);
            results.subList(0, 24).forEach(a);                        // two batches committed, 4 buffered and lost
        }
        try (ScoreStore store = StoreDatabases.open(url).batchSize(10)) {
            RunInfo run = store.unfinishedRuns().get(0);
            assertThat(run.results()).isEqualTo(20);
            ScoreDiff diff = store.apply(LEAD, results.iterator(), Instant.parse("2030-01-01T00:00:00Z"), run.runId(), CAUSE, null, null);
            assertThat(diff.at()).isEqualTo(JAN);                     // the first attempt's time is kept
            assertThat(diff.changed()).isEqualTo(25);
            assertThat(diff.recovered()).isEqualTo(20);
            assertThat(store.historyOfRun("run-1")).hasSize(25).allSatisfy(h -> assertThat(h.at()).isEqualTo(JAN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aRunOfSomeRecordsKeepsTheOthersAndNextChangesAndItsFeedPosition(String db) {
        try (ScoreStore store = store(db)) {
            ScoreApplication full = store.begin(LEAD, JAN, "run-1", CAUSE);
            full.accept(result(LEAD, "contact:c1", "10", "Low"), FEB);
            full.accept(result(LEAD, "contact:c2", "20", "Low"), APR);
            full.accept(result(LEAD, "contact:c3", "30", "Low"), null);
            FeedPosition position = new FeedPosition("jsonl", "events=3", "abc", JAN, "run-1");
            full.finish(position);
            assertThat(store.feedPosition(LEAD)).contains(position);
            assertThat(store.dueRecords(List.of(LEAD), JAN)).isEmpty();
            assertThat(store.dueRecords(List.of(LEAD), FEB)).containsExactly(RecordKey.parse("contact:c1"));
            assertThat(store.dueRecords(List.of(LEAD), APR)).hasSize(2);

            // Only c1 and c2 are re-scored: c2 left the scope, c3 keeps its value though this run did not see it.
            ScoreApplication some = store.begin(LEAD, FEB, "run-2", CAUSE)
                    .onlyRecords(List.of(RecordKey.parse("contact:c1"), RecordKey.parse("contact:c2")));
            some.accept(result(LEAD, "contact:c1", "5", "Low"), null);
            ScoreDiff diff = some.finish(new FeedPosition("jsonl", "events=5", "abc", FEB, "run-2"));
            assertThat(diff.removals()).extracting(h -> h.record().toString()).containsExactly("contact:c2");
            assertThat(store.current(LEAD, RecordKey.parse("contact:c3"))).isPresent();
            assertThat(store.current(LEAD, RecordKey.parse("contact:c1")).orElseThrow().value()).isEqualByComparingTo("5");
            assertThat(store.dueRecords(List.of(LEAD), APR)).isEmpty();          // c1 now never, c2 gone
            assertThat(store.feedPosition(LEAD).orElseThrow().watermark()).isEqualTo("events=5");

            // A run that does not give next-change instants keeps no position: the next run must score everything.
            ScoreApplication untimed = store.begin(LEAD, APR, "run-3", CAUSE);
            untimed.accept(result(LEAD, "contact:c1", "5", "Low"));
            untimed.finish(new FeedPosition("jsonl", "events=6", "abc", APR, "run-3"));
            assertThat(store.feedPosition(LEAD)).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void monthlyTrendFillsMonthsWithoutChanges() {
        RecordKey k = RecordKey.parse("company:a1");
        List<HistoryEntry> h = List.of(
                new HistoryEntry("H", k, Instant.parse("2025-11-03T00:00:00Z"), "r1", null, null, new BigDecimal("40"), "At risk", ""),
                new HistoryEntry("H", k, Instant.parse("2025-11-20T00:00:00Z"), "r2", new BigDecimal("40"), "At risk",
                        new BigDecimal("55"), "Neutral", ""),
                new HistoryEntry("H", k, Instant.parse("2026-02-01T00:00:00Z"), "r3", new BigDecimal("55"), "Neutral",
                        new BigDecimal("81"), "Healthy", ""));
        assertThat(ScoreStore.monthlyTrend(h)).extracting(m -> m.month() + " " + m.value() + " " + m.status())
                .containsExactly("2025-11 55 Neutral", "2025-12 55 Neutral", "2026-01 55 Neutral", "2026-02 81 Healthy");
        assertThat(ScoreStore.monthlyTrend(List.of())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aScoreFileSplitsIntoOneTextPerScore() {
        String file = "# Scores of the quickstart\n\nscore \"Lead \\\"A\\\"\" on contact\n  type engagement\n\n"
                + "# Fit of companies\nscore \"Fit\" on company\n  type fit\n";
        List<ScoreDefinitionText> texts = ScoreDefinitionText.split(file);
        assertThat(texts).extracting(ScoreDefinitionText::name, ScoreDefinitionText::objectType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lead \"A\"", "contact"),
                        org.assertj.core.groups.Tuple.tuple("Fit", "company"));
        assertThat(texts.get(0).sourceText())
                .isEqualTo("# Scores of the quickstart\n\nscore \"Lead \\\"A\\\"\" on contact\n  type engagement\n");
        assertThat(texts.get(1).sourceText()).isEqualTo("# Fit of companies\nscore \"Fit\" on company\n  type fit\n");
        assertThat(texts.get(0).withName("B \\ C").sourceText()).contains("score \"B \\\\ C\" on contact");
        assertThat(ScoreDefinitionText.split("# nothing here\n")).isEmpty();
        // Score lines are read by the language's parser: a continued one counts, a broken one starts no block.
        List<ScoreDefinitionText> continued = ScoreDefinitionText.split("score \\\n  \"A\" on contact\n  type fit\n"
                + "score \"B\" on\n  type fit\n");
        assertThat(continued).extracting(ScoreDefinitionText::name).containsExactly("A");
        assertThat(continued.get(0).withName("C").sourceText()).startsWith("score \\\n  \"C\" on contact\n");
        assertThat(new ScoreDefinitionText("A", "contact", "score \"A\" on contact\r\n  type fit\r\n").withName("Z").sourceText())
                .isEqualTo("score \"Z\" on contact\r\n  type fit\r\n");
    }

    // ------------------------------------------------------------------ helpers

    /** A check that a failure is a ScorelineException with this code. */
    static ThrowingConsumer<Throwable> code(ErrorCode code) {
        return t -> assertThat(t).isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A check that a failure is a ScorelineException with this fix. */
    static ThrowingConsumer<Throwable> fix(String fix) {
        return t -> assertThat(t).isInstanceOfSatisfying(ScorelineException.class, e -> assertThat(e.fix()).isEqualTo(fix));
    }

    /**
     * A full run marks nothing it left unchanged: it keeps the records it scored, unchanged or not,
     * across many pages of its sweep, removes exactly those it gave no result, and counts its
     * results exactly, also when it is resumed after a crash.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void aFullRunKeepsWhatItScoredUnchangedAndRemovesOnlyWhatItGaveNoResult(String db) {
        String url = StoreDatabases.freshUrl(db);
        List<ScoreResult> first = population(LEAD, 40, 0);
        List<ScoreResult> moved = population(LEAD, 40, 1);
        List<ScoreResult> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i % 5 != 2) {                                         // 8 leave the scope
                second.add(i % 2 == 0 ? first.get(i) : moved.get(i)); // the even ones unchanged
            }
        }
        try (ScoreStore store = StoreDatabases.open(url).batchSize(3)) {
            store.apply(LEAD, first, JAN, "run-1", CAUSE);
            assertThatThrownBy(() -> store.apply(LEAD, second, FEB, "run-2", killedAt(9))).hasMessage("killed");
        }
        try (ScoreStore store = StoreDatabases.open(url).batchSize(4)) {
            ScoreDiff d = store.apply(LEAD, second.iterator(), FEB, "run-2", CAUSE, null, null);
            assertThat(d.resumed()).isTrue();
            assertThat(d.removed()).isEqualTo(8);
            assertThat(d.removals()).extracting(h -> h.record().toString()).containsExactlyInAnyOrderElementsOf(
                    first.stream().map(r -> r.record().toString()).filter(k -> Integer.parseInt(k.substring(9)) % 5 == 2)
                            .toList());
            for (ScoreResult r : second) {
                assertThat(store.current(LEAD, r.record()).orElseThrow().value()).isEqualByComparingTo(r.value());
            }
            assertThat(store.statusCounts(LEAD)).isEqualTo(statusCounts(second));
            RunInfo run = store.run("run-2", LEAD).orElseThrow();
            assertThat(run.results()).isEqualTo(second.size());
            assertThat(run.removed()).isEqualTo(8);
            // A third full run with the same results changes and removes nothing.
            ScoreDiff again = store.apply(LEAD, second, APR, "run-3", CAUSE);
            assertThat(again.changed()).isZero();
            assertThat(again.removed()).isZero();
            assertThat(store.run("run-3", LEAD).orElseThrow().results()).isEqualTo(second.size());
        }
    }

    /** The causes of a run that is killed at its {@code call}-th cause ("killed"), as a crash midway would. */
    private static Function<ScoreResult, String> killedAt(int call) {
        AtomicInteger calls = new AtomicInteger();
        return r -> {
            if (calls.incrementAndGet() == call) {
                throw new IllegalStateException("killed");
            }
            return CAUSE.apply(r);
        };
    }

    /** n contacts; {@code shift} moves every value by 7 and so some statuses. */
    private static List<ScoreResult> population(String score, int n, int shift) {
        List<ScoreResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = (i * 13 + shift * 7) % 100;
            out.add(result(score, String.format("contact:c%03d", i), v + ".5", v >= 70 ? "High" : v >= 40 ? "Medium" : "Low"));
        }
        return out;
    }

    private static List<ScoreResult> rename(List<ScoreResult> rs, String score) {
        return rs.stream().map(r -> new ScoreResult(score, r.record(), r.value(), r.status(), r.groups(), null, null)).toList();
    }

    private static Map<String, ScoreUpdate> byKey(List<ScoreUpdate> us) {
        Map<String, ScoreUpdate> out = new LinkedHashMap<>();
        us.forEach(u -> out.put(u.result().record().toString(), u));
        return out;
    }

    private static Map<String, Long> statusCounts(List<ScoreResult> rs) {
        return rs.stream().collect(Collectors.groupingBy(ScoreResult::status, java.util.TreeMap::new, Collectors.counting()));
    }
}
