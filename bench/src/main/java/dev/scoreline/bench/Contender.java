package dev.scoreline.bench;

/**
 * Something that scores a scenario over a data set: the engine, or a baseline it is measured against.
 *
 * <p>The runner calls {@link #load} once per (scenario, data set) and times it as <em>load</em>,
 * then calls {@link #score} several times (a warm-up, then measured passes) and times each call as
 * <em>scoring</em>; ratios between contenders use scoring time. Everything a contender needs to
 * prepare from the data (reading files, building tables, compiling rules) belongs in {@code load};
 * {@code score} must compute every score of the scenario for every record at
 * {@link DataSet}'s as-of instant, from what {@code load} kept, and must not reuse results of an
 * earlier {@code score} call.
 */
public interface Contender extends AutoCloseable {

    /** A short name for tables, e.g. {@code duckdb-2t}. */
    String name();

    /** Whether the contender implements the scenario (the runner leaves it out of the scenario's table otherwise). */
    default boolean supports(Scenario scenario) {
        return true;
    }

    /** Prepares for scoring (timed as load). Called before {@code score}, again for another scenario or data set. */
    default void load(Scenario scenario, DataSet data, java.time.Instant asOf) throws Exception { }

    /** Scores every record of {@code scenario.objectType} for every score of the scenario (timed as scoring). */
    ScoredSummary score(Scenario scenario, DataSet data, java.time.Instant asOf) throws Exception;

    /**
     * The files its load reads for {@code scenario}, given the data set's jsonl folder; empty when
     * it loads from the in-memory data set (then it has no end-to-end time from files).
     */
    default java.util.List<java.nio.file.Path> filesRead(Scenario scenario, java.nio.file.Path folder) throws java.io.IOException {
        return java.util.List.of();
    }

    /** Releases what {@code load} built. */
    @Override
    default void close() throws Exception { }
}
