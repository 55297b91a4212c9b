package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import java.math.BigDecimal;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Generated definitions → canonical text → parse gives an equal model, and the text is a fixed point. */
class RoundTripPropertyTest {

    @Property(tries = 1000)
    void formattedDefinitionsParseBackEqual(@ForAll long seed) {
        List<ScoreDefinition> definitions = new DefinitionGenerator(seed).definitions();
        String text = ScoreFormatter.format(definitions);
        ParseResult parsed = ScoreParser.parse("generated.score", text);
        assertThat(parsed.diagnostics()).as("diagnostics of%n%s", text).isEmpty();
        assertThat(parsed.definitions()).as("model of%n%s", text).isEqualTo(definitions);
        assertThat(ScoreFormatter.format(parsed.definitions(), text)).isEqualTo(text);
    }

    /** The property above is only as good as the generator: every form of the language must come out of it. */
    @org.junit.jupiter.api.Test
    void theGeneratorWritesEveryForm() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 0; seed < 400; seed++) {
            String text = ScoreFormatter.format(new DefinitionGenerator(seed).definitions());
            for (String line : text.split("\n")) {
                FORMS.forEach((form, pattern) -> {
                    if (line.matches(".*" + pattern + ".*")) {
                        seen.add(form);
                    }
                });
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(FORMS.keySet());
    }

    private static final java.util.Map<String, String> FORMS = java.util.Map.ofEntries(
            java.util.Map.entry("rule limit", "^    .* limit \\d[\\d.]*$"),
            java.util.Map.entry("value of property", "^    (add|subtract) value of [^\"]"),
            java.util.Map.entry("value of score", "^    (add|subtract) value of score \""),
            java.util.Map.entry("cap per day", " at most \\d+ per day"),
            java.util.Map.entry("cap per week", " at most \\d+ per week"),
            java.util.Map.entry("cap per month", " at most \\d+ per month"),
            java.util.Map.entry("since", " since \\S"),
            java.util.Map.entry("count rule", "^    (add|subtract) \\S+ if (at least|at most|exactly|between) \\d+( and \\d+)? associated "),
            java.util.Map.entry("count rule with event", " associated .* with "),
            java.util.Map.entry("score test", "score \"[^\"]*\" (>|<|is)"),
            java.util.Map.entry("status test", "status \"[^\"]*\" is"),
            java.util.Map.entry("points for each by", "^    points for each "),
            java.util.Map.entry("frequency", " occurs "));

    @Property(tries = 1000)
    void formattedConditionsParseBackEqual(@ForAll long seed) {
        Rule rule = new Rule.PropertyRule(BigDecimal.ONE, new DefinitionGenerator(seed).condition(5), null, null, SourcePosition.UNKNOWN);
        String line = ScoreFormatter.formatRule(rule);
        ParseResult parsed = ScoreParser.parse("c.score", "score \"S\" on contact\n  type fit\n  group \"G\"\n    " + line + "\n");
        assertThat(parsed.diagnostics()).as(line).isEmpty();
        assertThat(parsed.definitions().get(0).groups().get(0).rules()).as(line).containsExactly(rule);
    }
}
