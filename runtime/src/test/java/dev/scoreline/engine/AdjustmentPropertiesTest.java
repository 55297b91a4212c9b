package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.engine.IncrementalRunPropertiesTest.FedWorld;
import dev.scoreline.engine.LiveScoresPropertiesTest.Step;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import dev.scoreline.store.CurrentValue;
import dev.scoreline.store.ScoreStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Manual adjustments made, removed and expiring among changes to the data and clock moves end in
 * the values of a full re-score from scratch with the adjustments still kept, both through runs
 * with a store (each re-scoring only what moved: the feed, what fell due, what was adjusted) and
 * applied live to {@link LiveScores} (issue 17).
 */
class AdjustmentPropertiesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> SCORES = List.of("Lead", "Account", "Priority");

    /** A step of the test: a change to the data or the clock, or an adjustment made or removed. */
    interface Move { }

    record DataMove(Step step) implements Move { }

    /** {@code untilHours} 0: no until. */
    record Adjust(String record, String score, int points, int untilHours) implements Move { }

    /** Removes the {@code pick}-th kept adjustment (modulo their number), if any. */
    record Remove(int pick) implements Move { }

    @Provide
    Arbitrary<Move> moves() {
        Arbitrary<String> record = Arbitraries.of(LiveScoresPropertiesTest.CONTACTS.get(0), LiveScoresPropertiesTest.CONTACTS.get(1),
                LiveScoresPropertiesTest.COMPANIES.get(0));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, new LiveScoresPropertiesTest().steps().map(DataMove::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(record, Arbitraries.of(SCORES), Arbitraries.integers()
                        .between(-40, 40).filter(p -> p != 0), Arbitraries.of(0, 0, 5, 30, 24 * 3, 24 * 20)).as(Adjust::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 5).map(Remove::new)));
    }

    @net.jqwik.api.Property(tries = 15)
    void runsAndLiveScoresEqualAFullRescoreWithTheKeptAdjustments(@ForAll @Size(max = 24) List<@From("moves") Move> moves) {
        check(LiveScoresPropertiesTest.WAVE_TWO, moves);
    }

    @net.jqwik.api.Property(tries = 10)
    void theFirstSetOfScoresToo(@ForAll @Size(max = 24) List<@From("moves") Move> moves) {
        check(LiveScoresPropertiesTest.SCORES, moves);
    }

    /** Lead's limit 100 clamps an adjustment that would pass it; it expires, and Priority (reading Lead) moves back. */
    @net.jqwik.api.Example
    void anAdjustmentIsClampedExpiresAndMovesTheScoresReadingIt() {
        check(LiveScoresPropertiesTest.WAVE_TWO, List.of(
                new DataMove(new LiveScoresPropertiesTest.Event("contact:c1", "visit", null, 3)),
                new Adjust("contact:c1", "Lead", 40, 30),
                new Adjust("contact:c1", "Lead", 40, 0),
                new DataMove(new LiveScoresPropertiesTest.Advance(20)),
                new Adjust("contact:c1", "Lead", 40, 0),
                new DataMove(new LiveScoresPropertiesTest.Advance(20)),
                new Remove(1)));
    }

    /** The history names the adjustment when it is made and when it expires, and the run says what it did. */
    @net.jqwik.api.Example
    void theHistoryNamesTheAdjustmentWhenMadeAndWhenExpired() {
        FedWorld crm = new FedWorld();
        RecordKey c1 = RecordKey.parse("contact:c1");
        try (ScoreStore store = ScoreStore.open("jdbc:h2:mem:adjusted" + DATABASES.incrementAndGet(), null, null)) {
            Instant now = LiveScoresPropertiesTest.START;
            run(crm, store, now, LiveScoresPropertiesTest.SCORES);
            store.adjustments().add("Lead", c1, BigDecimal.valueOf(30), "renewal talk", "alice", now.plus(Duration.ofHours(30)));
            assertThat(run(crm, store, now, LiveScoresPropertiesTest.SCORES).plan()).contains("1 adjusted");
            now = now.plus(Duration.ofHours(40));
            assertThat(run(crm, store, now, LiveScoresPropertiesTest.SCORES).plan()).endsWith("1 fell due");
            var history = store.history(c1, Optional.of("Lead"));
            assertThat(history.subList(1, history.size())).extracting(h -> h.newValue().toPlainString() + " "
                    + h.cause().replaceAll("run run-[0-9a-f-]+: ", "").replaceAll("; Activity.*", ""))
                    .containsExactly("30 adjustment #1 +30 by alice until 2026-03-02T06:00:00Z: \"renewal talk\"",
                            "0 adjustment #1 +30 by alice until 2026-03-02T06:00:00Z: \"renewal talk\" expired");
        }
    }

    private static void check(String definitions, List<Move> moves) {
        FedWorld crm = new FedWorld();
        CompiledScores scores = Fixture.compile(definitions);
        List<String> names = scores.definitions().stream().map(d -> d.name()).toList();
        try (ScoreStore store = ScoreStore.open("jdbc:h2:mem:adjusted" + DATABASES.incrementAndGet(), null, null)) {
            Instant now = LiveScoresPropertiesTest.START;
            LiveScores live = Fixture.ENGINE.live(scores, crm.world.adapter(), DataProblems.IGNORE, now);
            run(crm, store, now, definitions);
            for (int i = 0; i < moves.size(); i++) {
                Move move = moves.get(i);
                if (move instanceof DataMove d && d.step().advanceHours() > 0) {
                    now = now.plus(Duration.ofHours(d.step().advanceHours()));
                    live.advanceTo(now);
                } else if (move instanceof DataMove d) {
                    var change = d.step().applyTo(crm.world, now);
                    crm.log.add(change);
                    live.apply(change, now);
                } else if (adjust(store, move, now)) {
                    live.adjust(store.adjustments().of(names), now);
                }
                if (i % 2 == 1 || i == moves.size() - 1) {
                    RunReport report = run(crm, store, now, definitions);
                    assertThat(report.plan()).startsWith("incremental");
                    assertStoreEqualsFromScratch(scores, crm, store, now, names);
                }
            }
            live.advanceTo(now);
            Map<String, String> fromLive = new TreeMap<>();
            live.results().forEach(r -> fromLive.put(r.score() + "/" + r.record(), text(r)));
            assertThat(fromLive).isEqualTo(fromScratch(scores, crm, store, now, names));
            assertThat(store.adjustments().pending(names).isEmpty()).as("every adjustment applied by a run").isTrue();
        }
    }

    /** Makes or removes an adjustment in the store; false when there was nothing to do (a record never scored). */
    private static boolean adjust(ScoreStore store, Move move, Instant now) {
        if (move instanceof Remove r) {
            List<Adjustment> kept = store.adjustments().list(null);
            if (kept.isEmpty()) {
                return false;
            }
            store.adjustments().remove(kept.get(r.pick() % kept.size()).id());
            return true;
        }
        Adjust a = (Adjust) move;
        try {
            store.adjustments().add(a.score(), RecordKey.parse(a.record()), BigDecimal.valueOf(a.points()), "test",
                    "property", a.untilHours() == 0 ? null : now.plus(Duration.ofHours(a.untilHours())));
            return true;
        } catch (ScorelineException e) {
            return false; // the record has no value of that score (out of scope, another type)
        }
    }

    private static RunReport run(FedWorld crm, ScoreStore store, Instant now, String definitions) {
        return Scoreline.builder().engine(Fixture.ENGINE)
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm))
                .rules("scores.score", definitions).store(store).asOf(now).build().run();
    }

    private static Map<String, String> fromScratch(CompiledScores scores, FedWorld crm, ScoreStore store, Instant now,
                                                   List<String> names) {
        ScoringData data = Fixture.ENGINE.load(scores, crm.world.adapter(), DataProblems.IGNORE)
                .adjust(store.adjustments().of(names));
        Map<String, String> expected = new TreeMap<>();
        Fixture.ENGINE.score(data, now, r -> expected.put(r.score() + "/" + r.record(), text(r)));
        return expected;
    }

    private static void assertStoreEqualsFromScratch(CompiledScores scores, FedWorld crm, ScoreStore store, Instant now,
                                                     List<String> names) {
        Map<String, String> expected = fromScratch(scores, crm, store, now, names);
        Map<String, String> actual = new TreeMap<>();
        for (String key : expected.keySet()) {
            String[] parts = key.split("/", 2);
            Optional<CurrentValue> v = store.current(parts[0], RecordKey.parse(parts[1]));
            actual.put(key, v.map(c -> c.value().stripTrailingZeros().toPlainString() + " " + c.status()).orElse("(none)"));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String text(ScoreResult r) {
        return r.value().stripTrailingZeros().toPlainString() + " " + r.status();
    }
}
