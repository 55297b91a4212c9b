package dev.scoreline.engine;

import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import java.util.List;

/** Score definitions compiled into a Drools rule base; built once per definition set and shared. */
public final class CompiledScores {

    final CompiledRuleBase program;

    CompiledScores(CompiledRuleBase program) {
        this.program = program;
    }

    /** The definitions, sorted by score name (the order of the output). */
    public List<ScoreDefinition> definitions() {
        return program.definitions();
    }

    /** How many Drools rules the definitions became. */
    public int droolsRuleCount() {
        return program.ruleCount();
    }
}
