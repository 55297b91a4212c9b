package dev.scoreline.flink;

import dev.scoreline.api.CrmAdapter;
import java.io.Serializable;

/**
 * Where a job's CRM data comes from: an adapter that each reading task opens for itself, so every
 * line or row is parsed by the adapter's own code, as in a one-JVM run. A {@link DataFolder} (a
 * jsonl or csv folder every task manager can read) or a config's adapter entry ({@link PluginAdapter},
 * a jdbc database every task manager can reach, or any adapter plugin).
 */
public interface CrmSource extends Serializable {

    /** A new adapter over the data, opened in the task that reads a stream of it. */
    CrmAdapter open();

    /** What the job's reading operator is named after. */
    String label();
}
