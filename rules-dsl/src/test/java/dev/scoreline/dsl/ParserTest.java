package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of the grammar (language.md section 3) gives the model it means. */
class ParserTest {

    private static final SourcePosition AT = SourcePosition.UNKNOWN;

    private static ScoreDefinition score(String text) {
        List<ScoreDefinition> defs = Resources.clean(text).definitions();
        assertThat(defs).hasSize(1);
        return defs.get(0);
    }

    /** The one rule of a fit/engagement/health score holding that rule line. */
    private static Rule rule(String type, String ruleLine) {
        return score("score \"S\" on contact\n  type " + type + "\n  group \"G\"" + (type.equals("health") ? " limit 100" : "")
                + "\n    " + ruleLine + "\n").groups().get(0).rules().get(0);
    }

    private static Condition condition(String condition) {
        return ((Rule.PropertyRule) rule("fit", "add 1 if " + condition)).condition();
    }

    private static Condition.Predicate p(String property, Operator op, Value... values) {
        return new Condition.Predicate(property, op, List.of(values), null, AT);
    }

    private static Value text(String s) {
        return new Value.Text(s);
    }

    private static Value num(String s) {
        return new Value.Number(new BigDecimal(s));
    }

    private static Value day(String s) {
        return new Value.Date(DateLiteral.ofDay(LocalDate.parse(s)));
    }

    @Test
    void scoreWithEverySetting() {
        ScoreDefinition d = score("""
                # comment
                score "All \\"settings\\"" on custom_object.v2   # trailing comment
                  type health
                  limit 90
                  minimum -10
                  include lists "A", "B"
                  include lists "C"
                  exclude lists "D"
                  status "At risk" from 0
                  status "Healthy" from 70
                  property health_score
                  description "What # is not a comment"
                  group "One" limit 60
                    decay 25.5% every 12 months
                    start at 5
                    add 1 for each email_open
                  group "Two" limit 40
                    subtract 2.50 if x is 1
                """);
        assertThat(d.name()).isEqualTo("All \"settings\"");
        assertThat(d.objectType()).isEqualTo("custom_object.v2");
        assertThat(d.type()).isEqualTo(ScoreType.HEALTH);
        assertThat(d.limit()).isEqualTo(new BigDecimal("90"));
        assertThat(d.minimum()).isEqualTo(new BigDecimal("-10"));
        assertThat(d.includeLists()).containsExactly("A", "B", "C");
        assertThat(d.excludeLists()).containsExactly("D");
        assertThat(d.statuses()).containsExactly(new StatusThreshold("At risk", BigDecimal.ZERO, AT),
                new StatusThreshold("Healthy", new BigDecimal("70"), AT));
        assertThat(d.property()).isEqualTo("health_score");
        assertThat(d.description()).isEqualTo("What # is not a comment");
        assertThat(d.fitLevels()).isNull();
        Group one = d.groups().get(0);
        assertThat(one.decay()).isEqualTo(new Decay(new BigDecimal("25.5"), 12, AT));
        assertThat(one.startAt()).isEqualTo(new BigDecimal("5"));
        assertThat(one.limit()).isEqualTo(new BigDecimal("60"));
        assertThat(one.kind()).isNull();
        Rule.PropertyRule r = (Rule.PropertyRule) d.groups().get(1).rules().get(0);
        assertThat(r.points()).isEqualTo(new BigDecimal("-2.50"));
        assertThat(r.position().line()).isEqualTo(18);
        assertThat(r.position().column()).isEqualTo(5);
    }

    @Test
    void healthWithoutLimitLeavesItNull() {
        assertThat(score("score \"H\" on company\n type health\n group \"G\" limit 100\n add 1 if a is 1\n").limit()).isNull();
    }

    @Test
    void combinedScoreKeepsTagsAndLevels() {
        ScoreDefinition d = score("""
                score "C" on contact
                  type combined
                  fit levels high from 60, medium from 30
                  engagement levels high from 50, medium from 50
                  group "F" fit limit 80
                    add 40 if industry is "Software"
                  group "E" engagement
                    add 10 for each page_view
                """);
        assertThat(d.fitLevels()).isEqualTo(new Levels(new BigDecimal("60"), new BigDecimal("30")));
        assertThat(d.engagementLevels()).isEqualTo(new Levels(new BigDecimal("50"), new BigDecimal("50")));
        assertThat(d.groups()).extracting(Group::kind).containsExactly(GroupKind.FIT, GroupKind.ENGAGEMENT);
    }

    @Test
    void tagsAndLevelsOutsideCombinedAreWarnedAndDropped() {
        ParseResult r = ScoreParser.parse("t.score", """
                score "F" on contact
                  type fit
                  engagement levels high from 60, medium from 30
                  group "F" engagement
                    add 40 if industry is "Software"
                """);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("SL404", "SL403");
        assertThat(r.definitions().get(0).engagementLevels()).isNull();
        assertThat(r.definitions().get(0).groups().get(0).kind()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x is \"a\"                     | IS",
            "x is not \"a\"                 | IS_NOT",
            "x is any of \"a\", 2            | ANY_OF",
            "x is none of \"a\"              | NONE_OF",
            "x contains \"a\"                | CONTAINS",
            "x does not contain \"a\"        | NOT_CONTAINS",
            "x contains any of \"a\", \"b\"   | CONTAINS_ANY_OF",
            "x starts with \"a\"             | STARTS_WITH",
            "x ends with \"a\"               | ENDS_WITH",
            "x > 1                          | GREATER",
            "x is greater than 1            | GREATER",
            "x >= 1                         | GREATER_OR_EQUAL",
            "x is at least 1                | GREATER_OR_EQUAL",
            "x < 1                          | LESS",
            "x is less than 1               | LESS",
            "x <= 1                         | LESS_OR_EQUAL",
            "x is at most 1                 | LESS_OR_EQUAL",
            "x is between 1 and 2           | BETWEEN_NUMBERS",
            "x is between 2026-01-01 and 2026-02-01 | BETWEEN_DATES",
            "x is known                     | KNOWN",
            "x is unknown                   | UNKNOWN",
            "x is before 2026-01-01         | BEFORE",
            "x is after 2026-01-01T10:00:00Z | AFTER",
            "x is in the last 3 weeks       | IN_THE_LAST",
    })
    void everyOperator(String text, Operator operator) {
        Condition.Predicate p = (Condition.Predicate) condition(text);
        assertThat(p.property()).isEqualTo("x");
        assertThat(p.operator()).isEqualTo(operator);
    }

    @Test
    void operatorValues() {
        assertThat(condition("x is any of \"a\", 2, 2026-01-01, true"))
                .isEqualTo(p("x", Operator.ANY_OF, text("a"), num("2"), day("2026-01-01"), new Value.Bool(true)));
        assertThat(condition("x is false")).isEqualTo(p("x", Operator.IS, new Value.Bool(false)));
        assertThat(condition("x is -2.5")).isEqualTo(p("x", Operator.IS, num("-2.5")));
        assertThat(condition("x is 2026-01-01T10:00:00Z"))
                .isEqualTo(p("x", Operator.IS, new Value.Date(DateLiteral.ofInstant(Instant.parse("2026-01-01T10:00:00Z")))));
        assertThat(condition("x is between 1 and 2")).isEqualTo(p("x", Operator.BETWEEN_NUMBERS, num("1"), num("2")));
        assertThat(condition("x is known")).isEqualTo(p("x", Operator.KNOWN));
        assertThat(condition("x is in the last 1 day")).isEqualTo(
                new Condition.Predicate("x", Operator.IN_THE_LAST, List.of(num("1")), TimeUnit.DAY, AT));
        assertThat(condition("x contains any of \"a\", \"b\"")).isEqualTo(p("x", Operator.CONTAINS_ANY_OF, text("a"), text("b")));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanBoth() {
        Condition a = p("a", Operator.IS, num("1"));
        Condition b = p("b", Operator.IS, num("2"));
        Condition c = p("c", Operator.IS, num("3"));
        assertThat(condition("a is 1 or b is 2 and c is 3"))
                .isEqualTo(new Condition.Or(List.of(a, new Condition.And(List.of(b, c)))));
        assertThat(condition("(a is 1 or b is 2) and c is 3"))
                .isEqualTo(new Condition.And(List.of(new Condition.Or(List.of(a, b)), c)));
        assertThat(condition("not a is 1 and b is 2"))
                .isEqualTo(new Condition.And(List.of(new Condition.Not(a), b)));
        assertThat(condition("not (a is 1 and b is 2)"))
                .isEqualTo(new Condition.Not(new Condition.And(List.of(a, b))));
        assertThat(condition("((a is 1))")).isEqualTo(a);
        assertThat(condition("a is 1 and (b is 2 and c is 3)"))
                .isEqualTo(new Condition.And(List.of(a, new Condition.And(List.of(b, c)))));
    }

    @Test
    void listTests() {
        assertThat(condition("in list \"VIP\"")).isEqualTo(new Condition.InList("VIP", false, AT));
        assertThat(condition("not in list \"VIP\"")).isEqualTo(new Condition.InList("VIP", true, AT));
        assertThat(condition("not (in list \"VIP\")")).isEqualTo(new Condition.Not(new Condition.InList("VIP", false, AT)));
    }

    @Test
    void keywordsAreNamesWhereTheGrammarDoesNotExpectThem() {
        assertThat(condition("type is \"a\"")).isEqualTo(p("type", Operator.IS, text("a")));
        assertThat(condition("limit > 3")).isEqualTo(p("limit", Operator.GREATER, num("3")));
        assertThat(condition("not is known")).isEqualTo(p("not", Operator.KNOWN));
        assertThat(condition("in is 1")).isEqualTo(p("in", Operator.IS, num("1")));
        assertThat(condition("not not is 1")).isEqualTo(new Condition.Not(p("not", Operator.IS, num("1"))));
        assertThat(condition("and is 1 and or is 2"))
                .isEqualTo(new Condition.And(List.of(p("and", Operator.IS, num("1")), p("or", Operator.IS, num("2")))));
        Rule.PropertyPointsRule r = (Rule.PropertyPointsRule) rule("fit", "points for each: \"a\" 1");
        assertThat(r.property()).isEqualTo("each");
    }

    @Test
    void pointsForAProperty() {
        assertThat(rule("fit", "points for state: \"Northeast\" 15, 7 -2.5, true 1 on associated deal aggregate average"))
                .isEqualTo(new Rule.PropertyPointsRule("state", List.of(
                        new ValuePoints(text("Northeast"), new BigDecimal("15")),
                        new ValuePoints(num("7"), new BigDecimal("-2.5")),
                        new ValuePoints(new Value.Bool(true), BigDecimal.ONE)),
                        new AssociationClause("deal", null, null, Aggregate.AVERAGE), null, AT));
    }

    @Test
    void eventRules() {
        assertThat(rule("engagement", "subtract 5 for each form_submission where form_name is \"x\" in the last 30 days"))
                .isEqualTo(new Rule.EventRule(new BigDecimal("-5"),
                        new EventFilter("form_submission", p("form_name", Operator.IS, text("x"))), null,
                        new Timeframe.InTheLast(30, TimeUnit.DAY), null, null, AT));
        assertThat(rule("engagement", "points for each form by name: \"a\" 5, \"b\" 2 before 2026-01-01"))
                .isEqualTo(new Rule.EventPointsRule(new EventFilter("form", null), "name",
                        List.of(new ValuePoints(text("a"), new BigDecimal("5")), new ValuePoints(text("b"), new BigDecimal("2"))), null,
                        new Timeframe.Before(DateLiteral.ofDay(LocalDate.parse("2026-01-01"))), null, null, AT));
        assertThat(((Rule.EventRule) rule("engagement", "add 1 for each e between 2026-01-01 and 2026-01-31")).timeframe())
                .isEqualTo(new Timeframe.Between(DateLiteral.ofDay(LocalDate.parse("2026-01-01")),
                        DateLiteral.ofDay(LocalDate.parse("2026-01-31"))));
        assertThat(((Rule.EventRule) rule("engagement", "add 1 for each e after 2026-01-01T00:00:00Z")).timeframe())
                .isEqualTo(new Timeframe.After(DateLiteral.ofInstant(Instant.parse("2026-01-01T00:00:00Z"))));
        for (String unit : List.of("day", "days", "week", "weeks", "month", "months", "year", "years")) {
            assertThat(((Rule.EventRule) rule("engagement", "add 1 for each e in the last 2 " + unit)).timeframe())
                    .isEqualTo(new Timeframe.InTheLast(2, TimeUnit.valueOf(unit.replaceAll("s$", "").toUpperCase())));
        }
    }

    @Test
    void frequencyRules() {
        assertThat(rule("engagement", "add 10 if page_view where url contains \"/pricing\" occurs at least 3 times in the last 30 days"))
                .isEqualTo(new Rule.FrequencyRule(BigDecimal.TEN,
                        new EventFilter("page_view", p("url", Operator.CONTAINS, text("/pricing"))),
                        new Frequency(Frequency.Kind.AT_LEAST, 3, 0), new Timeframe.InTheLast(30, TimeUnit.DAY), null, null, AT));
        assertThat(((Rule.FrequencyRule) rule("engagement", "add 1 if e occurs exactly 0 times")).frequency())
                .isEqualTo(new Frequency(Frequency.Kind.EXACTLY, 0, 0));
        assertThat(((Rule.FrequencyRule) rule("engagement", "add 1 if e occurs at most 1 time")).frequency())
                .isEqualTo(new Frequency(Frequency.Kind.AT_MOST, 1, 0));
        assertThat(((Rule.FrequencyRule) rule("engagement", "add 1 if e occurs between 2 and 3 times on associated contact")))
                .isEqualTo(new Rule.FrequencyRule(BigDecimal.ONE, new EventFilter("e", null),
                        new Frequency(Frequency.Kind.BETWEEN, 2, 3), null, new AssociationClause("contact", null, null, null), null, AT));
    }

    @Test
    void afterIfANameFollowedByWhereOrOccursIsAnEvent() {
        assertThat(rule("health", "add 1 if x occurs exactly 1 time")).isInstanceOf(Rule.FrequencyRule.class);
        assertThat(rule("health", "add 1 if x where y is 1 occurs exactly 1 time")).isInstanceOf(Rule.FrequencyRule.class);
        assertThat(rule("health", "add 1 if x is 1")).isInstanceOf(Rule.PropertyRule.class);
    }

    @Test
    void associations() {
        assertThat(rule("fit", "add 1 if x is 1 on associated company labeled \"Primary\" where size > 10 aggregate max").association())
                .isEqualTo(new AssociationClause("company", "Primary", p("size", Operator.GREATER, num("10")), Aggregate.MAX));
        assertThat(rule("engagement", "add 2 for each email_open on associated contact aggregate min").association())
                .isEqualTo(new AssociationClause("contact", null, null, Aggregate.MIN));
    }

    @Test
    void lineContinuationAndFreeIndentation() {
        ScoreDefinition d = score("score \"S\" on contact\ntype fit\n      group \"G\"\nadd 1 if a is 1 and \\\n   b is 2 \\  \n   or c is 3\n");
        assertThat(((Rule.PropertyRule) d.groups().get(0).rules().get(0)).condition()).isInstanceOf(Condition.Or.class);
    }

    @Test
    void stringsAreDataAndKeepTheirEscapes() {
        assertThat(condition("x is \"a\\\"b\\\\c # not a comment\"")).isEqualTo(p("x", Operator.IS, text("a\"b\\c # not a comment")));
        assertThat(condition("name contains \"${7*7}\"")).isEqualTo(p("name", Operator.CONTAINS, text("${7*7}")));
    }

    @Test
    void namesKeepTheirCase() {
        ScoreDefinition d = score("score \"S\" on Contact\n type engagement\n group \"G\"\n add 1 for each Email_Open where Form.Name is \"x\"\n");
        assertThat(d.objectType()).isEqualTo("Contact");
        Rule.EventRule r = (Rule.EventRule) d.groups().get(0).rules().get(0);
        assertThat(r.event().type()).isEqualTo("Email_Open");
        assertThat(((Condition.Predicate) r.event().where()).property()).isEqualTo("Form.Name");
    }

    @Test
    void severalFilesAreOneSet() {
        ParseResult r = ScoreParser.parseAll(List.of(
                new ScoreParser.SourceText("a.score", "score \"S\" on contact\n type fit\n group \"G\"\n add 1 if a is 1\n"),
                new ScoreParser.SourceText("b.score", "score \"T\" on contact\n type fit\n group \"G\"\n add 1 if a is 1\n"),
                new ScoreParser.SourceText("c.score", "score \"S\" on deal\n type fit\n group \"G\"\n add 1 if a is 1\n")));
        assertThat(r.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "c.score:1:7: error: a score named \"S\" is already defined at a.score:1; rename one of them: "
                        + "score names must be unique across all files [SL308]");
        assertThat(r.definitions()).extracting(ScoreDefinition::name).containsExactly("S", "T");
    }

    @Test
    void aScoreWithErrorsIsLeftOutButTheOthersStay() {
        ParseResult r = ScoreParser.parse("t.score", """
                score "Bad" on contact
                  type fit
                  group "G"
                    add 1 if a equals 1
                score "Good" on contact
                  type fit
                  group "G"
                    add 1 if a is 1
                """);
        assertThat(r.definitions()).extracting(ScoreDefinition::name).containsExactly("Good");
    }

    @Test
    void emptyFileIsValidAndEmpty() {
        assertThat(Resources.clean("").definitions()).isEmpty();
        assertThat(Resources.clean("# only a comment\n\n").definitions()).isEmpty();
    }

    @Test
    void windowsLineEnds() {
        assertThat(Resources.clean("score \"S\" on contact\r\n type fit\r\n group \"G\"\r\n add 1 if a is 1\r\n").definitions()).hasSize(1);
    }
}
