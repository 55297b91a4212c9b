package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.TimeUnit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical form: exact text, comments kept, and a fixed point for every conformance file. */
class ScoreFormatterTest {

    @Test
    void canonicalText() {
        String messy = """
                # Leading comment
                score   "Lead \\"score\\""   on contact
                description "Back\\\\slash"
                  property lead_value
                    limit 100
                      type engagement
                 status "Low" from 0
                group "Sales" limit 60   # the sales team
                  add 15 for each call_started where duration >= 2.50 and (a is 1 or b is 2) \\
                      in the last 1 month
                  subtract 5 if meeting occurs at least 1 time on associated company labeled "P"
                  decay 50% every 1 months
                # closing comment
                """;
        ParseResult r = Resources.clean(messy);
        assertThat(ScoreFormatter.format(r.definitions(), messy)).isEqualTo("""
                # Leading comment
                score "Lead \\"score\\"" on contact
                  type engagement
                  limit 100
                  status "Low" from 0
                  property lead_value
                  description "Back\\\\slash"

                  group "Sales" limit 60 # the sales team
                    decay 50% every 1 month
                    add 15 for each call_started where duration >= 2.50 and (a is 1 or b is 2) in the last 1 month
                    subtract 5 if meeting occurs at least 1 time on associated company labeled "P"
                # closing comment
                """);
        assertThat(ScoreFormatter.format(r.definitions())).doesNotContain("#");
    }

    static List<Named<Path>> files() {
        return ConformanceFilesTest.scoringCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void formattingIsAFixedPointThatKeepsTheModelAndComments(Path file) {
        Resources.assumeImplemented(file.getParent());
        String text = Resources.read(file);
        ParseResult r = Resources.clean(text);
        String once = ScoreFormatter.format(r.definitions(), text);
        ParseResult again = Resources.clean(once);
        assertThat(again.definitions()).isEqualTo(r.definitions());
        assertThat(ScoreFormatter.format(again.definitions(), once)).isEqualTo(once);
        text.lines().filter(l -> l.strip().startsWith("#")).forEach(c -> assertThat(once).contains(c.strip()));
    }

    @Test
    void pieces() {
        SourcePosition at = SourcePosition.UNKNOWN;
        assertThat(ScoreFormatter.formatString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(ScoreFormatter.formatTimeframe(new Timeframe.InTheLast(1, TimeUnit.WEEK))).isEqualTo("in the last 1 week");
        assertThat(ScoreFormatter.formatTimeframe(new Timeframe.InTheLast(2, TimeUnit.YEAR))).isEqualTo("in the last 2 years");
        Condition listTest = new Condition.InList("VIP", false, at);
        assertThat(ScoreFormatter.formatCondition(new Condition.Not(listTest))).isEqualTo("not (in list \"VIP\")");
        assertThat(ScoreFormatter.formatRule(new Rule.PropertyRule(new BigDecimal("-0.5"), listTest, null, null, at)))
                .isEqualTo("subtract 0.5 if in list \"VIP\"");
        Condition whereIsKnown = new Condition.Predicate("where", Condition.Operator.KNOWN, List.of(), null, at);
        assertThat(ScoreFormatter.formatRule(new Rule.PropertyRule(BigDecimal.ONE, whereIsKnown, null, null, at)))
                .isEqualTo("add 1 if where is known");
        Condition notWhere = new Condition.Not(whereIsKnown);
        assertThat(ScoreFormatter.formatRule(new Rule.PropertyRule(BigDecimal.ONE, notWhere, null, null, at)))
                .isEqualTo("add 1 if (not where is known)");
    }
}
