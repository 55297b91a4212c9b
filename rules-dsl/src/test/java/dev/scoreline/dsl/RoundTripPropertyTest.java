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

    @Property(tries = 1000)
    void formattedConditionsParseBackEqual(@ForAll long seed) {
        Rule rule = new Rule.PropertyRule(BigDecimal.ONE, new DefinitionGenerator(seed).condition(5), null, null, SourcePosition.UNKNOWN);
        String line = ScoreFormatter.formatRule(rule);
        ParseResult parsed = ScoreParser.parse("c.score", "score \"S\" on contact\n  type fit\n  group \"G\"\n    " + line + "\n");
        assertThat(parsed.diagnostics()).as(line).isEmpty();
        assertThat(parsed.definitions().get(0).groups().get(0).rules()).as(line).containsExactly(rule);
    }
}
