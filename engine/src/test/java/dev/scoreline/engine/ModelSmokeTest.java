package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The engine on definitions built as model objects, independent of the parser: case 01 and case 08. */
class ModelSmokeTest {

    static final SourcePosition P = SourcePosition.UNKNOWN;

    static Rule each(int points, String event) {
        return new Rule.EventRule(BigDecimal.valueOf(points), new EventFilter(event, null), null, null, P);
    }

    static ScoreDefinition score(String name, String type, ScoreType t, BigDecimal limit, List<Group> groups) {
        return new ScoreDefinition(name, type, t, limit, null, List.of(), List.of(), List.of(), null, null, null, null,
                null, groups, P);
    }

    @Test
    void theWorkedExampleOfCaseOne() {
        ScoreDefinition lead = score("Lead score", "contact", ScoreType.ENGAGEMENT, BigDecimal.valueOf(100), List.of(
                new Group("Sales engagement", null, BigDecimal.valueOf(60), null, null,
                        List.of(each(15, "call_started"), each(10, "meeting_booked"), each(20, "meeting_completed")), P),
                new Group("Marketing engagement", null, BigDecimal.valueOf(40),
                        new Decay(BigDecimal.valueOf(50), 1, P), null,
                        List.of(each(6, "cta_click"), each(2, "marketing_email_open"), each(5, "marketing_email_click")),
                        P)));
        Fixture f = new Fixture().record("contact:c1").record("contact:c2").record("contact:c3").record("contact:c4")
                .event("contact:c1", "meeting_booked", "2026-02-26T00:00:00Z")
                .event("contact:c1", "marketing_email_open", "2026-02-27T00:00:00Z")
                .event("contact:c1", "marketing_email_open", "2026-02-25T00:00:00Z")
                .event("contact:c1", "marketing_email_click", "2026-02-28T00:00:00Z")
                .event("contact:c1", "marketing_email_click", "2026-02-24T00:00:00Z")
                .event("contact:c1", "marketing_email_click", "2026-02-23T00:00:00Z")
                .event("contact:c4", "marketing_email_click", "2026-01-20T00:00:00Z")
                .event("contact:c4", "cta_click", "2025-12-26T00:00:00Z")
                .event("contact:c4", "marketing_email_open", "2026-02-19T00:00:00Z");
        for (int d = 21; d <= 28; d++) {
            f.event("contact:c2", "cta_click", "2026-02-" + d + "T00:00:00Z");
            if (d >= 25) {
                f.event("contact:c2", "meeting_completed", "2026-02-" + d + "T00:00:00Z");
            }
        }
        Map<String, ScoreResult> r = run(List.of(lead), f);
        assertThat(r.get("contact:c1").value()).isEqualByComparingTo("29");
        assertThat(r.get("contact:c1").groups()).containsEntry("Sales engagement", new BigDecimal("10"));
        assertThat(r.get("contact:c2").value()).isEqualByComparingTo("100");
        assertThat(r.get("contact:c2").status()).isEqualTo("High");
        assertThat(r.get("contact:c3").value()).isEqualByComparingTo("0");
        assertThat(r.get("contact:c4").value()).isEqualByComparingTo("4.5");
        assertThat(r.get("contact:c4").status()).isEqualTo("Low");
    }

    @Test
    void associationAggregationOfCaseEight() {
        Rule avg = new Rule.EventRule(BigDecimal.valueOf(2), new EventFilter("email_open", null), null,
                new AssociationClause("contact", null, null, Aggregate.AVERAGE), P);
        ScoreDefinition opens = score("Opens average", "company", ScoreType.ENGAGEMENT, null, List.of(
                new Group("Contacts", null, null, new Decay(BigDecimal.valueOf(50), 1, P), null, List.of(avg), P)));
        Fixture f = new Fixture().record("company:co1").record("company:co2")
                .record("contact:p1").record("contact:p2").record("contact:p3")
                .associate("company:co1", "contact:p1").associate("contact:p2", "company:co1", "Champion")
                .associate("company:co2", "contact:p3", "Billing")
                .event("contact:p1", "email_open", "2026-02-19T00:00:00Z")
                .event("contact:p1", "email_open", "2026-01-20T00:00:00Z")
                .event("contact:p1", "email_open", "2025-12-21T00:00:00Z")
                .event("contact:p2", "email_open", "2026-02-24T00:00:00Z")
                .event("contact:p3", "email_open", "2026-02-28T00:00:00Z");
        Map<String, ScoreResult> r = run(List.of(opens), f);
        assertThat(r.get("company:co1").value()).isEqualByComparingTo("1.25");
        assertThat(r.get("company:co2").value()).isEqualByComparingTo("2");
    }

    @Test
    void liveScoresFollowAnAppendedEventAndTheClock() {
        ScoreDefinition forms = score("Forms", "contact", ScoreType.ENGAGEMENT, null, List.of(
                new Group("G", null, null, new Decay(BigDecimal.valueOf(50), 1, P), null,
                        List.of(each(10, "form_submission")), P)));
        Fixture f = new Fixture().record("contact:a").record("contact:b")
                .event("contact:a", "form_submission", "2026-02-20T00:00:00Z");
        CompiledScores scores = Fixture.ENGINE.compile(List.of(forms));
        LiveScores live = Fixture.ENGINE.live(scores, f.adapter(), DataProblems.IGNORE, Fixture.NOW);
        assertThat(live.result("Forms", dev.scoreline.api.RecordKey.parse("contact:a")).orElseThrow().value())
                .isEqualByComparingTo("10");
        var updates = live.apply(new dev.scoreline.api.DataChange.EventAppended(new dev.scoreline.api.CrmEvent(
                dev.scoreline.api.RecordKey.parse("contact:b"), "form_submission", Fixture.NOW, Map.of())),
                Fixture.NOW);
        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.result().record().toString()).isEqualTo("contact:b");
            assertThat(u.result().value()).isEqualByComparingTo("10");
            assertThat(u.previousValue()).isEqualByComparingTo("0");
        });
        // a's event is 30 days old on 2026-03-22: the clock alone halves it.
        assertThat(live.nextChange()).contains(java.time.Instant.parse("2026-03-22T00:00:00Z"));
        var later = live.advanceTo(java.time.Instant.parse("2026-03-25T00:00:00Z"));
        assertThat(later).singleElement().satisfies(u -> assertThat(u.result().value()).isEqualByComparingTo("5"));
    }

    static Map<String, ScoreResult> run(List<ScoreDefinition> defs, Fixture f) {
        CompiledScores scores = Fixture.ENGINE.compile(defs);
        ScoringData data = Fixture.ENGINE.load(scores, f.adapter(), DataProblems.IGNORE);
        Map<String, ScoreResult> out = new TreeMap<>();
        Fixture.ENGINE.score(data, Fixture.NOW, x -> out.put(x.record().toString(), x));
        return out;
    }
}
