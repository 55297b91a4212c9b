package dev.scoreline.cli;

import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.StatusThreshold;
import java.util.ArrayList;
import java.util.List;

/** The statuses a score can give, in the definition's order: worst (lowest threshold) first. */
final class Statuses {

    private Statuses() { }

    static List<String> worstFirst(ScoreDefinition d) {
        if (d.type() == ScoreType.COMBINED) {
            // fit letter A best, engagement digit 1 best: C3 is the worst, A1 the best
            List<String> out = new ArrayList<>();
            for (char fit : new char[] {'C', 'B', 'A'}) {
                for (char engagement : new char[] {'3', '2', '1'}) {
                    out.add("" + fit + engagement);
                }
            }
            return out;
        }
        return d.statusesInForce().stream().map(StatusThreshold::label).distinct().toList();
    }
}
