package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Manual adjustments in the engine: where they count (before the total's clamp), explain, expiry. */
class AdjustmentsTest {

    private static final String SCORE = """
            score "Lead" on contact
              type engagement
              limit 20
              minimum -5
              group "Sales" limit 10
                add 10 for each call
            """;
    private static final RecordKey C1 = RecordKey.parse("contact:c1");
    private static final RecordKey C2 = RecordKey.parse("contact:c2");

    private static Adjustment adjustment(long id, RecordKey record, String points, Instant until) {
        return new Adjustment(id, "Lead", record, new BigDecimal(points), "why " + id, "alice", until, Fixture.NOW);
    }

    private static ScoringData data() {
        Fixture f = new Fixture().record("contact:c1").record("contact:c2")
                .eventDaysAgo("contact:c1", "call", 1).eventDaysAgo("contact:c1", "call", 2);
        return Fixture.ENGINE.load(Fixture.compile(SCORE), f.adapter(), DataProblems.IGNORE);
    }

    private static Map<RecordKey, String> values(ScoringData data, Instant now, List<Instant> nextChanges) {
        Map<RecordKey, String> out = new TreeMap<>();
        Fixture.ENGINE.scoreWithNextChange(data, now, (r, next) -> {
            out.put(r.record(), r.value().toPlainString());
            nextChanges.add(next);
        });
        return out;
    }

    @Test
    void anAdjustmentCountsInTheTotalBeforeItsClampAndNoGroupLimitCutsIt() {
        ScoringData data = data().adjust(List.of(adjustment(1, C1, "7", null), adjustment(2, C2, "-30", null)));
        // c1: two calls give 20, cut to 10 by the group's limit; +7 is outside the groups: 17.
        // c2: 0 - 30 is clamped by the minimum to -5.
        assertThat(values(data, Fixture.NOW, new ArrayList<>())).containsEntry(C1, "17").containsEntry(C2, "-5");
        data.adjust(List.of(adjustment(1, C1, "7", null), adjustment(3, C1, "8", null)));
        assertThat(values(data, Fixture.NOW, new ArrayList<>())).containsEntry(C1, "20").containsEntry(C2, "0");
    }

    @Test
    void anAdjustmentCountsUntilItsUntilAndItsExpiryIsTheRecordsNextChange() {
        Instant until = Fixture.NOW.plusSeconds(3600);
        ScoringData data = data().adjust(List.of(adjustment(1, C1, "5", until)));
        List<Instant> next = new ArrayList<>();
        assertThat(values(data, Fixture.NOW, next)).containsEntry(C1, "15");
        assertThat(next).contains(until);
        assertThat(values(data, until, new ArrayList<>())).as("until is exclusive").containsEntry(C1, "10");
    }

    @Test
    void explainListsTheAdjustmentsAndTheSumIncludesThem() {
        Instant until = Instant.parse("2026-04-01T00:00:00Z");
        ScoringData data = data().adjust(List.of(adjustment(4, C1, "15", until), adjustment(5, C2, "1", null)));
        Explanation.ScoreExplanation e = Fixture.ENGINE.explain(data, C1, Fixture.NOW).orElseThrow().scores().get(0);
        assertThat(e.adjustments()).extracting(Adjustment::describe)
                .containsExactly("#4 +15 by alice until 2026-04-01T00:00:00Z: \"why 4\"");
        assertThat(e.sum()).isEqualByComparingTo("25");
        assertThat(e.total()).isEqualByComparingTo("20");
        assertThat(e.totalClamp()).isEqualTo("clamped to 20 by limit 20");
    }

    @Test
    void liveScoresTakeNewAdjustmentsAndTheirExpiry() {
        Fixture f = new Fixture().record("contact:c1").eventDaysAgo("contact:c1", "call", 1);
        LiveScores live = Fixture.ENGINE.live(Fixture.compile(SCORE), f.adapter(), DataProblems.IGNORE, Fixture.NOW);
        Instant until = Fixture.NOW.plusSeconds(60);
        List<dev.scoreline.api.ScoreUpdate> made = live.adjust(List.of(adjustment(6, C1, "3", until)), Fixture.NOW);
        assertThat(made).singleElement().satisfies(u -> {
            assertThat(u.result().value()).isEqualByComparingTo("13");
            assertThat(u.cause()).startsWith("adjustment #6 +3 by alice until " + until);
        });
        assertThat(live.nextChange()).contains(until);
        List<dev.scoreline.api.ScoreUpdate> expired = live.advanceTo(until);
        assertThat(expired).singleElement().satisfies(u -> {
            assertThat(u.result().value()).isEqualByComparingTo("10");
            assertThat(u.cause()).startsWith("adjustment #6 +3 by alice until " + until + ": \"why 6\" expired");
        });
        assertThat(live.result("Lead", C1).map(ScoreResult::value).orElseThrow()).isEqualByComparingTo("10");
    }
}
