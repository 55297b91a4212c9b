package dev.scoreline.flink.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.LiveScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.flink.RuleTexts;
import dev.scoreline.flink.internal.Stages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A random sequence of changes and clock moves through the streaming job's two keyed stages
 * (in Flink's operator harnesses, processing time set by hand) emits exactly the updates
 * {@link LiveScores} emits for the same sequence: the same records and scores, values, statuses,
 * groups, previous values, instants and causes, change by change and clock move by clock move;
 * and a job restored from a snapshot taken midway goes on exactly as if it had never stopped.
 */
class StreamingAgreesWithLiveScoresTest {

    static final String SCORES = """
            score "Lead" on contact
              type health
              include lists "Customers", "Trial"
              exclude lists "Churned"
              group "Activity" limit 50
                decay 50% every 1 month
                add 10 for each visit
                add 5 for each visit where page starts with "/pricing" in the last 20 days
                add 7 if reply occurs at least 2 times in the last 45 days
              group "Fit" limit 50
                add 3 if role is "buyer"
                add 2 if in list "VIP"

            score "Account" on company
              type health
              group "Contacts" limit 60
                decay 25% every 1 month
                add 2 for each visit on associated contact labeled "Champion"
                add 4 if role is "buyer" on associated contact aggregate sum
                add 3 if reply occurs at least 2 times in the last 10 days on associated contact
                add 1 for each visit where page starts with "/pricing" in the last 15 days on associated contact aggregate max
                add 5 if at least 2 associated contact with visit in the last 10 days
              group "Own" limit 40
                add 10 if tier is "gold"
                subtract 5 if renewal is in the last 30 days
            """;

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final List<String> CONTACTS = List.of("contact:c1", "contact:c2", "contact:c3", "contact:c4");
    static final List<String> COMPANIES = List.of("company:a1", "company:a2");

    static final RuleTexts RULES = RuleTexts.of("scores.score", SCORES);
    static final Stages.Rules COMPILED = RULES::compile;

    /** A step of a sequence: a change at the current instant, or the clock moving on. */
    record Step(DataChange change, long advanceHours) { }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyUpdateIsTheLiveEnginesAtTheSameInstant(long seed) throws Exception {
        List<Step> steps = sequence(new Random(seed), 200);
        LiveScores live = live();
        try (StreamingHarness job = StreamingHarness.start(COMPILED, START.toEpochMilli())) {
            List<List<ScoreUpdate>> seen = new ArrayList<>();
            runAndCompare(steps, live, job, START, seen);
            // A timer is set exactly when the live engine expects some value to change with time alone.
            assertThat(job.timers() > 0).isEqualTo(live.nextChange().isPresent());
            // The sequence moved scores through every path: associations, time alone, leaving scope.
            List<ScoreUpdate> all = seen.stream().flatMap(List::stream).toList();
            assertThat(all).anyMatch(u -> u.cause().startsWith("association ") && u.result().record().type().equals("company"));
            assertThat(all).anyMatch(u -> u.cause().startsWith(dev.scoreline.engine.ChangeText.TIME_MOVED));
            assertThat(all).anyMatch(ScoreUpdate::leftScope);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void aJobRestoredFromASnapshotGoesOnAsIfItNeverStopped(long seed) throws Exception {
        List<Step> steps = sequence(new Random(seed), 200);
        LiveScores live = live();
        StreamingHarness.Snapshot snapshot;
        Instant now;
        try (StreamingHarness first = StreamingHarness.start(COMPILED, START.toEpochMilli())) {
            now = runAndCompare(steps.subList(0, 100), live, first, START);
            // A fresh visit before the checkpoint, so a timer is pending in the snapshot.
            RecordKey c1 = RecordKey.parse("contact:c1");
            runAndCompare(List.of(
                    new Step(new DataChange.RecordUpserted(new CrmRecord(c1, Map.of("role", "buyer"), List.of("Customers"))), 0),
                    new Step(new DataChange.EventAppended(new CrmEvent(c1, "visit", now, Map.of())), 0)), live, first, now);
            snapshot = first.snapshot(1);
            // The first job goes on past the checkpoint and then fails: what it did after it is lost.
            first.apply(new DataChange.RecordUpserted(new CrmRecord(RecordKey.parse("contact:c9"), Map.of(),
                    List.of("Customers"))));
            first.advanceTo(now.plus(Duration.ofDays(90)).toEpochMilli());
        }
        List<Step> rest = new ArrayList<>();
        rest.add(new Step(null, 24 * 40)); // first the clock alone: the restored timer must fire (the visit decays)
        rest.addAll(steps.subList(100, steps.size()));
        try (StreamingHarness restored = StreamingHarness.restore(COMPILED, snapshot)) {
            List<List<ScoreUpdate>> seen = new ArrayList<>();
            runAndCompare(rest, live, restored, now, seen);
            assertThat(seen.get(0)).anyMatch(u -> u.result().record().equals(RecordKey.parse("contact:c1")));
        }
    }

    @Test
    void aCompanyFollowsItsContactsEventsAndTheirDecayWithNoNewData() throws Exception {
        RecordKey a1 = RecordKey.parse("company:a1");
        RecordKey c1 = RecordKey.parse("contact:c1");
        List<Step> steps = List.of(
                new Step(new DataChange.RecordUpserted(new CrmRecord(a1, Map.of("tier", "gold"))), 0),
                new Step(new DataChange.RecordUpserted(new CrmRecord(c1, Map.of("role", "buyer"), List.of("Customers"))), 0),
                new Step(new DataChange.AssociationAdded(new Association(a1, c1, java.util.Set.of("Champion"))), 0),
                new Step(new DataChange.EventAppended(new CrmEvent(c1, "visit", START.minus(Duration.ofDays(2)),
                        Map.of("page", "/pricing/plans"))), 0),
                new Step(null, 24 * 14),
                new Step(null, 24 * 30));
        LiveScores live = live();
        try (StreamingHarness job = StreamingHarness.start(COMPILED, START.toEpochMilli())) {
            List<List<ScoreUpdate>> seen = new ArrayList<>();
            runAndCompare(steps, live, job, START, seen);
            // The clock moves alone changed the company's score (the pricing visit left its 15 days, decay stepped).
            assertThat(seen.get(4)).anyMatch(u -> u.result().record().equals(a1));
            assertThat(seen.get(5)).anyMatch(u -> u.result().record().equals(a1));
        }
    }

    static LiveScores live() {
        CompiledScores scores = RULES.compile();
        CrmAdapter empty = new CrmAdapter() {
            @Override public String name() { return "empty"; }
            @Override public Stream<CrmRecord> records() { return Stream.empty(); }
        };
        return ScoreEngine.builder().threads(1).build().live(scores, empty, DataProblems.IGNORE, START);
    }

    static Instant runAndCompare(List<Step> steps, LiveScores live, StreamingHarness job, Instant from) throws Exception {
        return runAndCompare(steps, live, job, from, new ArrayList<>());
    }

    /** Runs the steps through both, asserting each step's updates are the same; returns the clock at the end. */
    static Instant runAndCompare(List<Step> steps, LiveScores live, StreamingHarness job, Instant from,
                                 List<List<ScoreUpdate>> seen) throws Exception {
        Instant now = from;
        int i = 0;
        for (Step s : steps) {
            List<ScoreUpdate> expected;
            List<ScoreUpdate> actual;
            if (s.change() == null) {
                now = now.plus(Duration.ofHours(s.advanceHours()));
                expected = live.advanceTo(now);
                actual = job.advanceTo(now.toEpochMilli());
            } else {
                expected = live.apply(s.change(), now);
                actual = job.apply(s.change());
            }
            assertThat(lines(actual)).as("step %d: %s", i, s).isEqualTo(lines(expected));
            seen.add(actual);
            i++;
        }
        return now;
    }

    /** The updates as comparable lines (every field, in score and record order). */
    static List<String> lines(List<ScoreUpdate> updates) {
        return updates.stream().map(u -> new TreeMap<>(u.fields()).toString()).sorted().toList();
    }

    /**
     * Records to start with, then changes of every kind (events of the records and of missing
     * ones, property changes, associations added and removed, also with itself and to removed
     * records, lists, records removed and re-added) and clock moves of up to 40 days.
     */
    static List<Step> sequence(Random random, int length) {
        World w = new World();
        List<Step> steps = new ArrayList<>();
        for (String k : CONTACTS) {
            steps.add(new Step(w.property(k, "role", random.nextBoolean() ? "buyer" : "user"), 0));
        }
        for (String k : COMPANIES) {
            steps.add(new Step(w.property(k, "tier", "silver"), 0));
        }
        while (steps.size() < length) {
            steps.add(w.randomStep(random));
        }
        return steps;
    }
}
