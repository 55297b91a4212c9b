package dev.scoreline.engine;

import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.engine.LiveScoresPropertiesTest.Step;
import dev.scoreline.engine.LiveScoresPropertiesTest.World;
import dev.scoreline.store.CurrentValue;
import dev.scoreline.store.ScoreStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.Size;

/**
 * Runs with a store re-score only what the change feed reported and what fell due; any sequence
 * of changes and clock moves, with a run after every few steps, leaves in the store exactly the
 * values of a full re-score from scratch (issue 6).
 */
class IncrementalRunPropertiesTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The world of {@link LiveScoresPropertiesTest} as a CRM whose change log is its feed. */
    static final class FedWorld implements CrmAdapter {
        final World world = new World();
        final List<DataChange> log = new ArrayList<>();

        public String name() { return "fed-world"; }

        public Stream<CrmRecord> records() {
            return List.copyOf(world.records.values()).stream();
        }

        public Stream<CrmEvent> events() {
            return List.copyOf(world.events).stream();
        }

        public Stream<Association> associations() {
            List<Association> assocs = new ArrayList<>();
            world.links.forEach((pair, labels) -> assocs.add(new Association(pair.get(0), pair.get(1), labels)));
            return assocs.stream();
        }

        @Override
        public Optional<ChangeFeed> changeFeed() {
            return Optional.of(watermark -> {
                int from = watermark == null ? 0 : Integer.parseInt(watermark);
                return new ChangeFeed.Batch(List.copyOf(log.subList(from, log.size())), Integer.toString(log.size()));
            });
        }
    }

    @Provide
    Arbitrary<Step> steps() {
        return new LiveScoresPropertiesTest().steps();
    }

    @net.jqwik.api.Property(tries = 40)
    void storeEqualsAFullRescoreAfterEveryRun(@ForAll @Size(max = 24) List<@From("steps") Step> steps) {
        assertRunsEqualFromScratch(LiveScoresPropertiesTest.SCORES, steps);
    }

    /** Rule limits, caps, since, count rules and a chain of three scores reading each other across associations. */
    @net.jqwik.api.Property(tries = 30)
    void secondWaveFormsAndChainsOfScoresEqualAFullRescore(@ForAll @Size(max = 24) List<@From("steps") Step> steps) {
        assertRunsEqualFromScratch(LiveScoresPropertiesTest.WAVE_TWO, steps);
    }

    /** An event on c1 moves its lead score, its company's account score and so c2's priority, two associations away. */
    @net.jqwik.api.Example
    void aChangeTravelsDownAChainOfScores() {
        assertRunsEqualFromScratch(LiveScoresPropertiesTest.WAVE_TWO, List.of(
                new LiveScoresPropertiesTest.Link("company:a1", "contact:c1", null, true),
                new LiveScoresPropertiesTest.Link("company:a1", "contact:c2", null, true),
                new LiveScoresPropertiesTest.Event("contact:c1", "visit", null, 3),
                new LiveScoresPropertiesTest.Event("contact:c1", "visit", null, 2),
                new LiveScoresPropertiesTest.Property("contact:c2", "role", "buyer"),
                new LiveScoresPropertiesTest.Event("contact:c1", "visit", "/pricing", 1)));
    }

    private static void assertRunsEqualFromScratch(String definitions, List<Step> steps) {
        FedWorld crm = new FedWorld();
        CompiledScores scores = Fixture.compile(definitions);
        try (ScoreStore store = ScoreStore.open("jdbc:h2:mem:incremental" + DATABASES.incrementAndGet(), null, null)) {
            Instant now = LiveScoresPropertiesTest.START;
            int incremental = 0;
            run(crm, store, now, definitions);
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step.advanceHours() > 0) {
                    now = now.plus(Duration.ofHours(step.advanceHours()));
                } else {
                    crm.log.add(step.applyTo(crm.world, now));
                }
                if (i % 2 == 1 || i == steps.size() - 1) {
                    RunReport report = run(crm, store, now, definitions);
                    assertThat(report.plan()).startsWith("incremental");
                    incremental++;
                    assertSameAsFromScratch(scores, crm, store, now);
                }
            }
            assertThat(incremental).isEqualTo((steps.size() + 1) / 2);
        }
    }

    private static RunReport run(FedWorld crm, ScoreStore store, Instant now, String definitions) {
        return Scoreline.builder()
                .engine(Fixture.ENGINE)
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm))
                .rules("scores.score", definitions)
                .store(store)
                .asOf(now)
                .build()
                .run();
    }

    private static void assertSameAsFromScratch(CompiledScores scores, FedWorld crm, ScoreStore store, Instant now) {
        ScoringData data = Fixture.ENGINE.load(scores, crm.world.adapter(), DataProblems.IGNORE);
        Map<String, String> expected = new TreeMap<>();
        Map<String, Long> perScore = new TreeMap<>();
        Fixture.ENGINE.score(data, now, r -> {
            expected.put(r.score() + "/" + r.record(), r.value().stripTrailingZeros().toPlainString() + " " + r.status());
            perScore.merge(r.score(), 1L, Long::sum);
        });
        Map<String, String> actual = new TreeMap<>();
        for (String key : expected.keySet()) {
            String[] parts = key.split("/", 2);
            Optional<CurrentValue> v = store.current(parts[0], dev.scoreline.api.RecordKey.parse(parts[1]));
            actual.put(key, v.map(c -> c.value().stripTrailingZeros().toPlainString() + " " + c.status()).orElse("(none)"));
        }
        assertThat(actual).isEqualTo(expected);
        for (String score : List.of("Lead", "Account", "Priority")) {
            // No stale value of a record that left the scope.
            long stored = store.statusCounts(score).values().stream().mapToLong(Long::longValue).sum();
            assertThat(stored).as("values stored for " + score).isEqualTo(perScore.getOrDefault(score, 0L));
        }
    }

}
