package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreProperties;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code property} and {@code status property}: the names in force, their formatting, and SL425. */
class ScorePropertiesTest {

    private static String score(String name, String on, String type, String... settings) {
        StringBuilder s = new StringBuilder("score \"" + name + "\" on " + on + "\n  type " + type + "\n");
        for (String setting : settings) {
            s.append("  ").append(setting).append('\n');
        }
        if (type.equals("combined")) {
            return s + "  group \"F\" fit\n    add 5 if jobtitle is known\n  group \"E\" engagement\n    add 1 for each visit\n";
        }
        return s + "  group \"G\"\n    add 5 if jobtitle is known\n";
    }

    @Test
    void writtenNamesAreTheOnesInForce() {
        ScoreDefinition d = Resources.clean(score("Lead score", "contact", "fit", "property hs_lead",
                "status property hs_lead_tier")).definitions().get(0);
        assertThat(d.property()).isEqualTo("hs_lead");
        assertThat(d.statusProperty()).isEqualTo("hs_lead_tier");
        assertThat(d.properties()).isEqualTo(new ScoreProperties("hs_lead", "hs_lead_tier", null, null));
    }

    @Test
    void withoutPropertyLinesTheNamesDeriveFromTheScoreName() {
        ScoreDefinition fit = Resources.clean(score("Lead score", "contact", "fit")).definitions().get(0);
        assertThat(fit.property()).isNull();
        assertThat(fit.properties().names()).containsExactly("lead_score", "lead_score_status");
        ScoreDefinition combined = Resources.clean(score("Buying intent", "contact", "combined", "status property grade"))
                .definitions().get(0);
        assertThat(combined.properties().names())
                .containsExactly("buying_intent", "grade", "buying_intent_engagement", "buying_intent_fit");
    }

    @Test
    void derivedNamesAreNamesOfTheLanguage() {
        assertThat(ScoreProperties.nameFor("Lead score")).isEqualTo("lead_score");
        assertThat(ScoreProperties.nameFor("  Fit & engagement (2026) ")).isEqualTo("fit_engagement_2026");
        assertThat(ScoreProperties.nameFor("Évaluation client")).isEqualTo("evaluation_client");
        assertThat(ScoreProperties.nameFor("2026 leads")).isEqualTo("score_2026_leads");
        assertThat(ScoreProperties.nameFor("★★★")).isEqualTo("score");
        assertThat(ScoreProperties.nameFor("lead_score")).isEqualTo("lead_score");
    }

    @Test
    void statusPropertyIsFormattedAndReadBack() {
        String messy = "score \"S\" on contact\n  status property   s_tier\n type fit\n property s_value\n"
                + " group \"G\"\n  add 5 if a is 1\n";
        ParseResult r = Resources.clean(messy);
        String formatted = ScoreFormatter.format(r.definitions(), messy);
        assertThat(formatted).contains("  property s_value\n  status property s_tier\n");
        assertThat(Resources.clean(formatted).definitions()).isEqualTo(r.definitions());
        assertThat(ScoreFormatter.format(Resources.clean(formatted).definitions(), formatted)).isEqualTo(formatted);
    }

    @Test
    void aStatusPropertyWrittenTwiceIsADuplicateSetting() {
        ParseResult r = ScoreParser.parse("t.score", score("S", "contact", "fit", "status property a", "status property b"));
        assertThat(r.errors()).extracting(Diagnostic::format)
                .containsExactly("t.score:4:3: error: \"status property\" is already set at line 3; keep one of the two lines [SL304]");
    }

    @Test
    void scoresOnOtherObjectTypesMayShareProperties() {
        ParseResult r = ScoreParser.parse("t.score", score("Lead score", "contact", "fit") + "\n"
                + score("Lead score (companies)", "company", "fit", "property lead_score"));
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void propertiesClashIgnoringCaseAcrossFiles() {
        ParseResult r = ScoreParser.parseAll(List.of(
                new ScoreParser.SourceText("a.score", score("A", "contact", "fit", "property Lead_Score")),
                new ScoreParser.SourceText("b.score", score("B", "Contact", "fit", "property lead_score"))));
        assertThat(r.errors()).extracting(Diagnostic::format).containsExactly(
                "b.score:3:12: error: property \"lead_score\" would hold the value of score \"B\", but score \"A\" at a.score:3"
                        + " stores its value there; scores on Contact need properties of their own; write another name here [SL425]");
        assertThat(r.definitions()).extracting(ScoreDefinition::name).containsExactly("A");
    }

    @Test
    void aScoreNamedTwiceIsNotAlsoAPropertyClash() {
        ParseResult r = ScoreParser.parse("t.score", score("S", "contact", "fit") + "\n" + score("S", "contact", "fit"));
        assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("SL308");
    }
}
