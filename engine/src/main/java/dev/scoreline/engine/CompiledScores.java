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

    /**
     * What the scores read of the data, per record and event type: what loading asks an adapter
     * for ({@link dev.scoreline.api.CrmAdapter#records(dev.scoreline.api.Projection)}). A host that
     * reads the data itself can leave out the rest.
     */
    public dev.scoreline.api.Projection projection() {
        return program.projection;
    }

    /** How many Drools rules the definitions became. */
    public int droolsRuleCount() {
        return program.ruleCount();
    }
}
