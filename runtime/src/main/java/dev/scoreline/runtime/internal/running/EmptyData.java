package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.store.ScoreStore;

/**
 * A run (or a follow's first pass) whose data holds no record at all would clear every value the
 * store holds, each delivered as a record that left the scope. An empty or missing export is far
 * likelier than a CRM emptied on purpose, so the run stops before anything is written or
 * delivered ({@code SL807}); deactivating the scores clears them on purpose.
 */
final class EmptyData {

    private EmptyData() { }

    static void refuseToClearEverything(ScoreStore store, long recordsRead, RunSetup setup) {
        if (store == null || recordsRead > 0) {
            return;
        }
        long held = 0;
        for (String score : setup.scoreNames()) {
            held += store.statusCounts(score).values().stream().mapToLong(Long::longValue).sum();
        }
        if (held > 0) {
            throw new ScorelineException(ErrorCode.DATA_EMPTY, "adapter " + setup.adapter().name() + " gave no record,"
                    + " and the store holds " + held + " values of these scores: this run would clear them all",
                    "check the export (an empty or missing records file); if the CRM really is empty, clear the"
                            + " values with scoreline scores deactivate NAME and a run of the catalog");
        }
    }
}
