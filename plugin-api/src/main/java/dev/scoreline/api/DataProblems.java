package dev.scoreline.api;

/**
 * Where an adapter reports data it could not use. Bad data never stops a run and never vanishes:
 * a bad line is skipped, reported with its location, and counted.
 */
public interface DataProblems {

    /** A line or row that could not be read at all; it is skipped. */
    void badLine(String source, long line, String reason);

    /** Data that was read but is doubtful (a duplicate key, a dangling reference). */
    void warning(String source, long line, String message);

    /** Reports nothing; for callers that collect problems elsewhere. */
    DataProblems IGNORE = new DataProblems() {
        @Override public void badLine(String source, long line, String reason) { }
        @Override public void warning(String source, long line, String message) { }
    };
}
