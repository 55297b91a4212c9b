package dev.scoreline.engine;

import dev.scoreline.dsl.model.Rule;

/** How explanations name a rule. */
final class RuleText {

    private RuleText() { }

    static String of(Rule rule) {
        return "rule at line " + rule.position().line();
    }
}
