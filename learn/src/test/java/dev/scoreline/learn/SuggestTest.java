package dev.scoreline.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.ScoreEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

    private static Suggest.Suggestion suggest(PlantedData data, Suggest.Kind kind) {
        return Suggest.run(ScoreEngine.create(), PlantedData.outcome(), data::adapter, DataProblems.IGNORE,
                new Suggest.Options("Suggested score", kind, PlantedData.NOW, null, List.of()));
    }

    @Test
    void findsThePlantedCriteriaAndRanksTheHeldOutSnapshots() {
        Suggest.Suggestion s = suggest(new PlantedData(2500, 7, false), Suggest.Kind.COMBINED);
        assertThat(s.separates()).as(s.verdict()).isTrue();
        assertThat(s.heldOutAuc()).isGreaterThanOrEqualTo(0.8);
        assertThat(s.rules()).hasSizeLessThanOrEqualTo(Suggest.MAX_RULES);
        assertThat(s.text()).containsPattern("add \\d+ if jobtitle contains \"vp\"");
        assertThat(s.text()).containsPattern("add \\d+ if page_view where url (is|contains) \"[^\"]*pricing\" occurs at least 3 times in the last 30 days");
        assertThat(s.text()).contains("# converted ").doesNotContain("lifecycle_change occurs");
        var parsed = ScoreParser.parse("s.score", s.text());
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        assertThat(ScoreFormatter.format(parsed.definitions(), s.text())).isEqualTo(s.text());
    }

    @Test
    void saysSoWhenOutcomesAreRandom() {
        Suggest.Suggestion s = suggest(new PlantedData(2500, 11, true), Suggest.Kind.COMBINED);
        assertThat(s.heldOutAuc()).isBetween(0.4, 0.6);
        assertThat(s.separates()).isFalse();
        assertThat(s.text()).isNull();
        assertThat(s.verdict()).contains("no criterion separates converted from not converted better than chance");
    }

    @Test
    void refusesTooFewExamplesSayingTheCounts() {
        assertThatThrownBy(() -> suggest(new PlantedData(30, 3, false), Suggest.Kind.FIT))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("examples over").hasMessageContaining("converted and")
                .hasMessageContaining("at least 50 examples, 25 of each class");
    }
}
