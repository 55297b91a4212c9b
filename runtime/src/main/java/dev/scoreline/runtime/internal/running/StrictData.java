package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.DataProblems;
import dev.scoreline.engine.ScoringData;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A strict run's data problems ({@code Scoreline.Builder.strict}): passed on to the host's, bad
 * lines counted, so the run fails on the first check after loading, before it stores or delivers
 * anything. The data no score reads is read too (its bad lines are bad data all the same).
 */
public final class StrictData implements DataProblems {

    private final DataProblems host;
    private final AtomicLong badLines = new AtomicLong();

    public StrictData(DataProblems host) {
        this.host = host;
    }

    @Override
    public void badLine(String source, long line, String reason) {
        badLines.incrementAndGet();
        host.badLine(source, line, reason);
    }

    @Override
    public void warning(String source, long line, String message) {
        host.warning(source, line, message);
    }

    /** After a load: reads what it skipped, then fails when any line was bad. Does nothing for a run that is not strict. */
    static void check(RunSetup setup, ScoringData data, dev.scoreline.api.CrmAdapter adapter) {
        if (!(setup.problems() instanceof StrictData strict)) {
            return;
        }
        setup.engine().checkSkipped(data, adapter, strict);
        long bad = strict.badLines.get();
        if (bad > 0) {
            throw dev.scoreline.runtime.Failures.badData(bad);
        }
    }
}
