package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.BadLineCounter;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.runtime.Failures;

/**
 * A strict run's data problems ({@code Scoreline.Builder.strict}): passed on to the host's, bad
 * lines counted, so the run fails on the first check after loading, before it stores or delivers
 * anything. The data no score reads is read too (its bad lines are bad data all the same).
 */
public final class StrictData extends BadLineCounter {

    public StrictData(DataProblems host) {
        super(host);
    }

    /** After a load: reads what it skipped, then fails when any line was bad. Does nothing for a run that is not strict. */
    static void check(RunSetup setup, ScoringData data, CrmAdapter adapter) {
        if (!(setup.problems() instanceof StrictData strict)) {
            return;
        }
        setup.engine().checkSkipped(data, adapter, strict);
        if (strict.badLines() > 0) {
            throw Failures.badData(strict.badLines());
        }
    }
}
