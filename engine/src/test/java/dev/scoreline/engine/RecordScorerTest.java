package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import dev.scoreline.engine.LiveScoresPropertiesTest.Step;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Scoring key by key, with neighbours' summaries, gives exactly the one-JVM run's results and next changes. */
class RecordScorerTest {

    /** One scorer for every try, as a task keeps one for every key: its caches must never leak between records. */
    private static final CompiledScores SCORES = Fixture.compile(LiveScoresPropertiesTest.SCORES);
    private static final RecordScorer SCORER = RecordScorer.create(SCORES, DataProblems.IGNORE);

    @Property(tries = 80)
    void keyByKeyEqualsOneRun(@ForAll @Size(max = 30) List<@From("steps") Step> steps) {
        assertKeyByKeyEqualsOneRun(SCORES, SCORER, steps);
    }

    /** The second wave's forms within one association hop: the wave-two scores without the priority that reads the account. */
    private static final CompiledScores WAVE_TWO = Fixture.compile(LiveScoresPropertiesTest.WAVE_TWO
            .substring(0, LiveScoresPropertiesTest.WAVE_TWO.indexOf("score \"Priority\"")));
    private static final RecordScorer WAVE_TWO_SCORER = RecordScorer.create(WAVE_TWO, DataProblems.IGNORE);

    @Property(tries = 60)
    void secondWaveKeyByKeyEqualsOneRun(@ForAll @Size(max = 30) List<@From("steps") Step> steps) {
        assertKeyByKeyEqualsOneRun(WAVE_TWO, WAVE_TWO_SCORER, steps);
    }

    /** The whole second wave: the priority reads its companies' account score, which reads their contacts' leads. */
    private static final CompiledScores CHAIN = Fixture.compile(LiveScoresPropertiesTest.WAVE_TWO);
    private static final RecordScorer CHAIN_SCORER = RecordScorer.create(CHAIN, DataProblems.IGNORE);

    /**
     * A chain two associations long: one hop stage passes each company's account score (and the
     * next change of the contacts it reads) to its contacts, whose priority then scores as one run does.
     */
    @Property(tries = 60)
    void chainOfTwoHopsKeyByKeyEqualsOneRun(@ForAll @Size(max = 30) List<@From("steps") Step> steps) {
        assertThat(CHAIN_SCORER.hopStages()).isEqualTo(1);
        assertKeyByKeyEqualsOneRun(CHAIN, CHAIN_SCORER, steps);
    }

    /** The steps applied to a fresh world (clock moves included), then scored key by key and in one run. */
    private static void assertKeyByKeyEqualsOneRun(CompiledScores scores, RecordScorer scorer, List<Step> steps) {
        LiveScoresPropertiesTest.World world = new LiveScoresPropertiesTest.World();
        Instant now = LiveScoresPropertiesTest.START;
        for (Step step : steps) {
            if (step.advanceHours() > 0) {
                now = now.plus(Duration.ofHours(step.advanceHours()));
            } else {
                step.applyTo(world, now);
            }
        }
        Map<String, String> expected = RecordFactsByKey.scoreInOneRun(Fixture.ENGINE, scores, world.adapter(), now);
        assertThat(RecordFactsByKey.scoreKeyByKey(scorer, RecordFactsByKey.of(world.adapter()), now)).isEqualTo(expected);
    }

    /** Scores within one hop need no hop stage. */
    @Test
    void oneHopScoresNeedNoHopStage() {
        assertThat(SCORER.hopStages()).isZero();
        assertThat(WAVE_TWO_SCORER.hopStages()).isZero();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<LiveScoresPropertiesTest.Step> steps() {
        return new LiveScoresPropertiesTest().steps();
    }

    /**
     * What a bulk load decides about the data holds key by key too: the last of duplicate records,
     * memberships given apart, associations with itself or with a record not in the data, labels
     * of two associations between the same records adding up.
     */
    @Test
    void loadDecisionsHoldKeyByKey() {
        Fixture f = new Fixture()
                .recordInLists("contact:c1", List.of("Customers"), "role", "user")
                .record("contact:c1", "role", "buyer")
                .recordInLists("contact:c2", List.of("Trial"), "role", "buyer")
                .record("company:a1", "tier", "gold", "renewal", "2026-02-20")
                .eventDaysAgo("contact:c1", "visit", 3, "page", "/pricing")
                .eventDaysAgo("contact:c1", "reply", 2)
                .eventDaysAgo("contact:c1", "reply", 1)
                .eventDaysAgo("contact:c2", "visit", 40)
                .eventDaysAgo("contact:c9", "visit", 1)
                .associate("company:a1", "contact:c1")
                .associate("contact:c1", "company:a1", "Champion")
                .associate("company:a1", "contact:c2")
                .associate("company:a1", "company:a1")
                .associate("company:a1", "contact:c9");
        f.memberships.add(new ListMembership("Customers", RecordKey.parse("contact:c1")));
        CompiledScores scores = SCORES;
        Map<String, String> expected = RecordFactsByKey.scoreInOneRun(Fixture.ENGINE, scores, f.adapter(), Fixture.NOW);
        assertThat(expected).hasSize(3);
        assertThat(RecordFactsByKey.scoreKeyByKey(SCORER, RecordFactsByKey.of(f.adapter()), Fixture.NOW))
                .isEqualTo(expected);
    }
}
