package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.Explanation.RuleExplanation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code explain}'s matched flag ({@code [x]}/{@code [ ]}) is whether the rule held for the record,
 * for every rule form, and each rule shows only the values it read.
 */
class ExplainMatchedTest {

    private static final String RULES = """
            score "S" on company
              type health
              group "G" limit 100
                add 1 if users >= 50
                add 1 if plan is "Pro" and users < 10
                add 1 if not region is "EU" or plan is unknown
                add 1 if in list "VIP"
                subtract 1 if not in list "VIP"
                points for plan: "Pro" 3, "Free" 1
                add 2 for each login
                points for each call by outcome: "won" 5, "lost" 1
                add 4 if login occurs at least 2 times
                add 4 if call occurs at most 0 times
                add 1 if role is "CEO" on associated contact
                points for role: "CEO" 2 on associated contact
                add 1 for each email on associated contact
                add 1 if email occurs at least 1 time on associated contact
            """;

    /** Per rule line (1-based within the group: 1 = users >= 50 …), whether it matched, for a record. */
    private static Map<Integer, Boolean> matched(Fixture f, String record) {
        CompiledScores scores = Fixture.compile(RULES);
        Explanation e = Fixture.ENGINE.explain(f.load(scores), RecordKey.parse(record), Fixture.NOW).orElseThrow();
        Map<Integer, Boolean> out = new LinkedHashMap<>();
        List<RuleExplanation> rules = e.scores().get(0).groups().get(0).rules();
        for (RuleExplanation r : rules) {
            out.put(r.line() - 4 + 1, r.matched());
        }
        return out;
    }

    private static Fixture data() {
        return new Fixture()
                .recordInLists("company:a", List.of("VIP"), "users", 80, "plan", "Pro", "region", "EU")
                .record("company:b", "users", 9, "plan", "Basic", "region", "US")
                .record("contact:x", "role", "CEO")
                .record("contact:y", "role", "CTO")
                .associate("company:a", "contact:x")
                .associate("company:b", "contact:y")
                .eventDaysAgo("company:a", "login", 1)
                .eventDaysAgo("company:a", "login", 2)
                .eventDaysAgo("company:b", "login", 3)
                .eventDaysAgo("company:b", "call", 3, "outcome", "lost")
                .eventDaysAgo("contact:x", "email", 1);
    }

    @Test
    void everyRuleFormIsMarkedByWhetherItHeld() {
        Fixture f = data();
        assertThat(matched(f, "company:a")).containsExactly(
                Map.entry(1, true), Map.entry(2, false), Map.entry(3, false), Map.entry(4, true), Map.entry(5, false),
                Map.entry(6, true), Map.entry(7, true), Map.entry(8, false), Map.entry(9, true), Map.entry(10, true),
                Map.entry(11, true), Map.entry(12, true), Map.entry(13, true), Map.entry(14, true));
        assertThat(matched(data(), "company:b")).containsExactly(
                Map.entry(1, false), Map.entry(2, false), Map.entry(3, true), Map.entry(4, false), Map.entry(5, true),
                Map.entry(6, false), Map.entry(7, true), Map.entry(8, true), Map.entry(9, false), Map.entry(10, false),
                Map.entry(11, false), Map.entry(12, false), Map.entry(13, false), Map.entry(14, false));
    }

    /**
     * The explainer a run names its causes with gives every rule as {@code explain} does (text,
     * line, whether it held, points) and the same groups and total, without the steps behind them.
     */
    @Test
    void theExplainerGivesExplainsRulesWithoutTheirSteps() {
        CompiledScores scores = Fixture.compile(RULES);
        ScoringData loaded = data().load(scores);
        Explainer explainer = Fixture.ENGINE.explainer(loaded, Fixture.NOW);
        for (String record : List.of("company:a", "company:b")) {
            Explanation.ScoreExplanation full = Fixture.ENGINE.explain(loaded, RecordKey.parse(record), Fixture.NOW)
                    .orElseThrow().scores().get(0);
            Explanation.ScoreExplanation lean = explainer.explain(RecordKey.parse(record), "S").orElseThrow();
            assertThat(full.groups().get(0).rules()).anySatisfy(r -> assertThat(r.details()).isNotEmpty());
            assertThat(lean.groups().get(0).rules()).allSatisfy(r -> assertThat(r.details()).isEmpty());
            assertThat(lean.groups().get(0).rules()).extracting(RuleExplanation::rule, RuleExplanation::line,
                    RuleExplanation::matched, RuleExplanation::points).containsExactlyElementsOf(
                    full.groups().get(0).rules().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.rule(),
                            r.line(), r.matched(), r.points())).toList());
            assertThat(lean.groups()).extracting(Explanation.GroupExplanation::value)
                    .containsExactlyElementsOf(full.groups().stream().map(Explanation.GroupExplanation::value).toList());
            assertThat(lean.total()).isEqualTo(full.total());
            assertThat(lean.status()).isEqualTo(full.status());
        }
    }

    @Test
    void aRuleShowsOnlyTheValuesItReadWithWhatItNeeds() {
        CompiledScores scores = Fixture.compile(RULES);
        Explanation e = Fixture.ENGINE.explain(data().load(scores), RecordKey.parse("company:b"), Fixture.NOW)
                .orElseThrow();
        List<RuleExplanation> rules = e.scores().get(0).groups().get(0).rules();
        assertThat(rules.get(0).details()).containsExactly("does not hold: users = 9, needs ≥ 50");
        assertThat(rules.get(1).details()).containsExactly(
                "does not hold: plan = Basic, needs is \"Pro\"; users = 9, needs < 10");
        assertThat(rules.get(3).details()).containsExactly("does not hold: not in list \"VIP\", needs in it");
        assertThat(rules.get(5).details()).containsExactly("no listed value held: plan = Basic");
        assertThat(String.join("\n", rules.get(0).details())).doesNotContain("region", "plan");
    }

    private static final String SECOND_WAVE = """
            score "Base" on company
              type fit
              group "G" limit 100
                add 10 if users >= 50

            score "W" on company
              type health
              group "G" limit 100
                add value of nps
                add 5 if at least 2 associated contact
                add 3 if exactly 0 associated contact
                add value of score "Base"
                add value of nps on associated contact
            """;

    /** The second wave's forms: a value read, a count satisfied, a referenced score with a value. */
    @Test
    void valueCountAndScoreReferenceRulesAreMarkedByWhetherTheyHeld() {
        Fixture f = new Fixture()
                .record("company:a", "users", 80, "nps", 8)
                .record("company:b", "users", 9, "nps", "n/a")
                .record("contact:x", "nps", 7).record("contact:y", "nps", 9).record("contact:z")
                .associate("company:a", "contact:x").associate("company:a", "contact:y")
                .associate("company:b", "contact:z");
        CompiledScores scores = Fixture.compile(SECOND_WAVE);
        ScoringData data = f.load(scores);
        assertThat(matchedOf(data, "company:a")).containsExactly(true, true, false, true, true);
        assertThat(matchedOf(data, "company:b")).containsExactly(false, false, false, true, false);
    }

    private static List<Boolean> matchedOf(ScoringData data, String record) {
        Explanation e = Fixture.ENGINE.explain(data, RecordKey.parse(record), Fixture.NOW).orElseThrow();
        return e.scores().stream().filter(s -> s.score().equals("W")).findFirst().orElseThrow().groups().get(0)
                .rules().stream().map(RuleExplanation::matched).toList();
    }
}
