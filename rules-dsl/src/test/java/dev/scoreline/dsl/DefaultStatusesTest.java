package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.StatusThreshold;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The validated definition supplies the statuses in force (language.md section 4). */
class DefaultStatusesTest {

    private static ScoreDefinition score(String text) {
        ParseResult parsed = ScoreParser.parse("statuses.score", text);
        assertThat(parsed.errors()).isEmpty();
        return parsed.definitions().get(0);
    }

    @Test
    void anEngagementOrFitScoreWithoutStatusLinesHasLowMediumAndHigh() {
        for (String type : new String[] {"engagement", "fit"}) {
            String rule = type.equals("fit") ? "add 5 if title is \"CEO\"" : "add 5 for each visit";
            ScoreDefinition d = score("score \"S\" on contact\n  type " + type + "\n  group \"G\"\n    " + rule + "\n");
            assertThat(d.statuses()).as("what was written").isEmpty();
            assertThat(d.statusesInForce()).extracting(StatusThreshold::label).containsExactly("Low", "Medium", "High");
            assertThat(d.statusesInForce()).extracting(StatusThreshold::from).element(1).isEqualTo(BigDecimal.valueOf(40));
            assertThat(d.statusesInForce()).extracting(StatusThreshold::from).element(2).isEqualTo(BigDecimal.valueOf(70));
            assertThat(d.statusesInForce().get(0).from()).isLessThan(BigDecimal.valueOf(-1_000_000_000L));
            assertThat(d.statusesInForce()).allSatisfy(s -> assertThat(s.position()).isEqualTo(d.position()));
        }
    }

    @Test
    void aHealthScoreWithoutStatusLinesHasAtRiskNeutralAndHealthy() {
        ScoreDefinition d = score("""
                score "H" on company
                  type health
                  group "G" limit 100
                    add 5 if plan is "gold"
                """);
        assertThat(d.statusesInForce()).extracting(StatusThreshold::label).containsExactly("At risk", "Neutral", "Healthy");
    }

    @Test
    void writtenStatusesReplaceTheDefaultsAndComeLowestFirst() {
        ScoreDefinition d = score("""
                score "S" on contact
                  type engagement
                  status "Hot" from 50
                  status "Cold" from 0
                  group "G"
                    add 5 for each visit
                """);
        assertThat(d.statuses()).extracting(StatusThreshold::label).containsExactly("Hot", "Cold");
        assertThat(d.statusesInForce()).extracting(StatusThreshold::label).containsExactly("Cold", "Hot");
    }

    @Test
    void aCombinedScoreHasNoStatusList() {
        ScoreDefinition d = score("""
                score "C" on contact
                  type combined
                  group "F" fit
                    add 5 if title is "CEO"
                  group "E" engagement
                    add 5 for each visit
                """);
        assertThat(d.statusesInForce()).isEmpty();
    }
}
