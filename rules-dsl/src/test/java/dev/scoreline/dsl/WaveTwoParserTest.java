package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.CapPeriod;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Operand;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forms of the language's second wave (rule limits, sliding scales, caps, {@code since},
 * count rules, score and status references) give the model they mean, and print back as written.
 */
class WaveTwoParserTest {

    private static final SourcePosition AT = SourcePosition.UNKNOWN;

    /** Scores on contact the rules under test may refer to. */
    private static final String REFERENCED = "\nscore \"L\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n"
            + "\nscore \"Q\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n"
            + "\nscore \"Lead score\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n";

    /** The one rule of a score of {@code type} holding {@code ruleLine}, after checking it prints back the same. */
    private static Rule rule(String type, String ruleLine) {
        Rule rule = parsed(type, ruleLine);
        assertThat(ScoreFormatter.formatRule(rule)).as("canonical form").isEqualTo(ruleLine);
        return rule;
    }

    private static Rule parsed(String type, String ruleLine) {
        String text = "score \"S\" on contact\n  type " + type + "\n  group \"G\"" + (type.equals("health") ? " limit 100" : "")
                + "\n    " + ruleLine + "\n" + REFERENCED;
        return Resources.clean(text).definitions().get(0).groups().get(0).rules().get(0);
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    private static Condition.Predicate p(String property, Operator op, Value... values) {
        return new Condition.Predicate(property, op, List.of(values), null, AT);
    }

    @Test
    void everyRuleKindTakesALimit() {
        assertThat(rule("engagement", "add 5 for each page_view limit 20").limit()).isEqualTo(n("20"));
        assertThat(rule("engagement", "subtract 3 for each bounce limit 7.5"))
                .isEqualTo(new Rule.EventRule(n("-3"), new EventFilter("bounce", null), null, null, null, n("7.5"), AT));
        assertThat(rule("engagement", "points for each form by name: \"Demo\" 12, \"Newsletter\" 2 limit 15").limit())
                .isEqualTo(n("15"));
        assertThat(rule("fit", "add 30 if industry is \"Software\" limit 25"))
                .isEqualTo(new Rule.PropertyRule(n("30"), p("industry", Operator.IS, new Value.Text("Software")), null,
                        n("25"), AT));
        assertThat(rule("fit", "points for tech: \"AWS\" 10, \"GCP\" 10 limit 15").limit()).isEqualTo(n("15"));
        assertThat(rule("fit", "subtract 8 if sla is \"Overdue\" on associated ticket limit 12"))
                .isEqualTo(new Rule.PropertyRule(n("-8"), p("sla", Operator.IS, new Value.Text("Overdue")),
                        new AssociationClause("ticket", null, null, null), n("12"), AT));
        assertThat(rule("engagement", "add 1 if e occurs at least 2 times limit 0.5").limit()).isEqualTo(n("0.5"));
        assertThat(rule("fit", "add 3 if at least 2 associated contact limit 2").limit()).isEqualTo(n("2"));
    }

    @Test
    void aLimitIsNotItselfAPropertyOrAnEvent() {
        Rule r = rule("engagement", "add 5 for each limit limit 5");
        assertThat(r).isEqualTo(new Rule.EventRule(n("5"), new EventFilter("limit", null), null, null, null, n("5"), AT));
    }

    @Test
    void slidingScales() {
        assertThat(rule("fit", "add value of feature_adoption times 20 limit 20"))
                .isEqualTo(new Rule.ValueRule(n("20"), new Operand.Property("feature_adoption"), null, n("20"), AT));
        assertThat(rule("fit", "add value of seats times 0.5"))
                .isEqualTo(new Rule.ValueRule(n("0.5"), new Operand.Property("seats"), null, null, AT));
        assertThat(rule("fit", "subtract value of open_escalations times 5"))
                .isEqualTo(new Rule.ValueRule(n("-5"), new Operand.Property("open_escalations"), null, null, AT));
        assertThat(rule("fit", "add value of nps on associated contact aggregate average"))
                .isEqualTo(new Rule.ValueRule(BigDecimal.ONE, new Operand.Property("nps"),
                        new AssociationClause("contact", null, null, Aggregate.AVERAGE), null, AT));
        assertThat(rule("fit", "subtract value of nps").isEventRule()).isFalse();
        assertThat(((Rule.ValueRule) rule("fit", "subtract value of nps")).factor()).isEqualTo(n("-1"));
        assertThat(((Rule.ValueRule) rule("fit", "add value of score")).operand())
                .as("a property named score").isEqualTo(new Operand.Property("score"));
        assertThat(((Rule.ValueRule) rule("fit", "add value of score \"Lead score\" times 0.5 on associated contact")).operand())
                .isEqualTo(new Operand.Score("Lead score", AT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "add value of x times 1      | add value of x",
            "add value of x times -1     | subtract value of x",
            "subtract value of x times 2 | subtract value of x times 2",
            "add value of x times -2.50  | subtract value of x times 2.50",
            "subtract value of x times 0 | add value of x times 0",
            "add value of x times 1.0    | add value of x times 1.0"})
    void theVerbCarriesTheSignOfTheFactor(String written, String canonical) {
        Rule parsed = parsed("fit", written);
        assertThat(ScoreFormatter.formatRule(parsed)).isEqualTo(canonical);
        assertThat(rule("fit", canonical)).isEqualTo(parsed);
    }

    @Test
    void capsOnEventRules() {
        assertThat(rule("engagement", "add 2 for each link_click at most 3 per day"))
                .isEqualTo(new Rule.EventRule(n("2"), new EventFilter("link_click", null), new EventCap(3, CapPeriod.DAY),
                        null, null, null, AT));
        assertThat(((Rule.EventRule) rule("engagement", "add 1 for each page_view at most 2 per week in the last 7 days")))
                .isEqualTo(new Rule.EventRule(n("1"), new EventFilter("page_view", null), new EventCap(2, CapPeriod.WEEK),
                        new Timeframe.InTheLast(7, TimeUnit.DAY), null, null, AT));
        assertThat(((Rule.EventPointsRule) rule("engagement",
                "points for each form by name: \"Demo\" 10, \"Pricing\" 5 at most 1 per month")).cap())
                .isEqualTo(new EventCap(1, CapPeriod.MONTH));
        assertThat(((Rule.EventRule) rule("engagement",
                "add 2 for each link_click where url contains \"x\" at most 3 per day on associated contact limit 10")))
                .isEqualTo(new Rule.EventRule(n("2"), new EventFilter("link_click", p("url", Operator.CONTAINS, new Value.Text("x"))),
                        new EventCap(3, CapPeriod.DAY), null, new AssociationClause("contact", null, null, null), n("10"), AT));
        assertThat(((Rule.EventRule) rule("engagement", "add 1 for each at at most 1 per day")).event().type())
                .as("an event named at").isEqualTo("at");
    }

    @Test
    void since() {
        assertThat(((Rule.EventRule) rule("engagement", "add 5 for each page_view since recycled_at")).timeframe())
                .isEqualTo(new Timeframe.Since("recycled_at"));
        assertThat(rule("engagement", "subtract 4 if demo_request occurs exactly 0 times since recycled_at"))
                .isEqualTo(new Rule.FrequencyRule(n("-4"), new EventFilter("demo_request", null),
                        new Frequency(Frequency.Kind.EXACTLY, 0, 0), new Timeframe.Since("recycled_at"), null, null, AT));
        assertThat(((Rule.EventPointsRule) rule("engagement", "points for each f by n: 1 2 at most 1 per day since since"))
                .timeframe()).isEqualTo(new Timeframe.Since("since"));
    }

    @Test
    void countRules() {
        Condition vp = p("jobtitle", Operator.CONTAINS, new Value.Text("VP"));
        Condition positive = p("outcome", Operator.IS, new Value.Text("positive"));
        assertThat(rule("engagement", "add 20 if at least 2 associated contact labeled \"Decision maker\" where jobtitle contains \"VP\""
                + " with meeting_completed where outcome is \"positive\" in the last 30 days"))
                .isEqualTo(new Rule.CountRule(n("20"), new Frequency(Frequency.Kind.AT_LEAST, 2, 0),
                        new AssociationClause("contact", "Decision maker", vp, null), new EventFilter("meeting_completed", positive),
                        new Timeframe.InTheLast(30, TimeUnit.DAY), null, AT));
        Rule exactly = rule("engagement", "add 5 if exactly 1 associated contact with email_reply");
        assertThat(exactly.isEventRule()).isTrue();
        assertThat(exactly.association()).isEqualTo(new AssociationClause("contact", null, null, null));
        assertThat(((Rule.CountRule) rule("engagement", "subtract 10 if at most 0 associated contact with email_reply since reset_at")))
                .extracting(Rule.CountRule::count, Rule.CountRule::timeframe)
                .containsExactly(new Frequency(Frequency.Kind.AT_MOST, 0, 0), new Timeframe.Since("reset_at"));
        Rule between = rule("fit", "add 10 if between 1 and 2 associated deal where dealstage is \"open\"");
        assertThat(between.isEventRule()).isFalse();
        assertThat(((Rule.CountRule) between).count()).isEqualTo(new Frequency(Frequency.Kind.BETWEEN, 1, 2));
        assertThat(((Rule.CountRule) rule("fit", "subtract 5 if exactly 0 associated contact where jobtitle is known")).with()).isNull();
    }

    @Test
    void propertiesNamedLikeCountWordsStayProperties() {
        assertThat(rule("fit", "add 1 if exactly is 3")).isInstanceOf(Rule.PropertyRule.class);
        assertThat(rule("fit", "add 1 if between > 3")).isInstanceOf(Rule.PropertyRule.class);
        assertThat(rule("fit", "add 1 if at is known")).isInstanceOf(Rule.PropertyRule.class);
        assertThat(rule("fit", "add 1 if status is \"Closed\"")).isEqualTo(new Rule.PropertyRule(BigDecimal.ONE,
                p("status", Operator.IS, new Value.Text("Closed")), null, null, AT));
        assertThat(rule("fit", "add 1 if score > 3")).isInstanceOf(Rule.PropertyRule.class);
    }

    @Test
    void scoreAndStatusPredicates() {
        assertThat(((Rule.PropertyRule) rule("fit", "add 10 if score \"Lead score\" >= 30")).condition())
                .isEqualTo(new Condition.ScoreTest("Lead score", Operator.GREATER_OR_EQUAL, List.of(new Value.Number(n("30"))), AT));
        assertThat(((Rule.PropertyRule) rule("fit", "add 5 if score \"L\" is between 10 and 29.99")).condition())
                .isEqualTo(new Condition.ScoreTest("L", Operator.BETWEEN_NUMBERS,
                        List.of(new Value.Number(n("10")), new Value.Number(n("29.99"))), AT));
        assertThat(((Rule.PropertyRule) rule("fit", "subtract 1 if score \"L\" is unknown")).condition())
                .isEqualTo(new Condition.ScoreTest("L", Operator.UNKNOWN, List.of(), AT));
        assertThat(((Rule.PropertyRule) rule("fit", "add 7 if status \"Q\" is any of \"A1\", \"A2\"")).condition())
                .isEqualTo(new Condition.StatusTest("Q", Operator.ANY_OF, List.of(new Value.Text("A1"), new Value.Text("A2")), AT));
        assertThat(((Rule.PropertyRule) rule("fit", "add 2 if status \"L\" is not \"Low\"")).condition())
                .isEqualTo(new Condition.StatusTest("L", Operator.IS_NOT, List.of(new Value.Text("Low")), AT));
        assertThat(((Rule.PropertyRule) rule("fit", "add 2 if not score \"L\" > 3 and status \"L\" is none of \"x\"")).condition())
                .isEqualTo(new Condition.And(List.of(
                        new Condition.Not(new Condition.ScoreTest("L", Operator.GREATER, List.of(new Value.Number(n("3"))), AT)),
                        new Condition.StatusTest("L", Operator.NONE_OF, List.of(new Value.Text("x")), AT))));
        assertThat(((Rule.PropertyRule) parsed("fit", "add 2 if score \"L\" is greater than 3")).condition())
                .isEqualTo(new Condition.ScoreTest("L", Operator.GREATER, List.of(new Value.Number(n("3"))), AT));
        assertThat(rule("engagement", "add 2 for each e where score \"L\" < 3"))
                .as("canonical form uses the symbol").isInstanceOf(Rule.EventRule.class);
    }

    @Test
    void equalLongFormsPrintAsSymbols() {
        assertThat(ScoreFormatter.formatRule(parsed("fit", "add 1 if score \"L\" is at least 3")))
                .isEqualTo("add 1 if score \"L\" >= 3");
    }

    @Test
    void valuePointsStillEndBeforeTheLimit() {
        Rule r = rule("fit", "points for tech: \"AWS\" 10, 5 -2 limit 15");
        assertThat(((Rule.PropertyPointsRule) r).points()).containsExactly(
                new ValuePoints(new Value.Text("AWS"), n("10")), new ValuePoints(new Value.Number(n("5")), n("-2")));
    }
}
