package dev.scoreline.bench;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario files are valid score language, and their structure is what the baselines hard-code. */
class ScenarioFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lead", "fit", "health", "rollup"})
    void scenarioFileIsValidAndMatchesItsSpec(String name) {
        Scenario sc = Scenario.byName(name);
        String text = sc.scoreText();
        assertStructure(sc, text);
        ParseResult r = ScoreParser.parse(sc.resource(), text);
        assertThat(r.diagnostics().stream().map(Diagnostic::format).toList()).as(sc.resource()).isEmpty();
        assertThat(r.definitions()).hasSize(sc.scores.size());
    }

    private static void assertStructure(Scenario sc, String text) {
        // every score and group the baselines know is in the text, in order, with its limit
        Matcher m = Pattern.compile("(?m)^\\s*(score|group) \"([^\"]+)\"(?:.*?\\blimit (\\d+))?").matcher(text);
        StringBuilder found = new StringBuilder(), expected = new StringBuilder();
        while (m.find()) found.append(m.group(1)).append(' ').append(m.group(2)).append(m.group(1).equals("group") ? " " + m.group(3) : "").append('\n');
        for (ScoreSpec s : sc.scores) {
            expected.append("score ").append(s.name()).append('\n');
            for (ScoreSpec.Group g : s.groups()) expected.append("group ").append(g.name()).append(' ').append((long) g.limit()).append('\n');
        }
        assertThat(found.toString()).isEqualTo(expected.toString());
    }
}
