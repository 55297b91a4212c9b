package dev.scoreline.engine;

import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.model.Rule;

/** How explanations show a rule: its canonical text, as {@code scoreline fmt} writes it. */
final class RuleText {

    private RuleText() { }

    static String of(Rule rule) {
        return ScoreFormatter.formatRule(rule);
    }
}
