package dev.scoreline.api;

/**
 * How much of its source an adapter has read while a run loads it, for a progress line
 * ({@link CrmAdapter#readProgress()}). Read from another thread than the one reading the streams,
 * so both numbers must be safe to read at any time.
 */
public interface ReadProgress {

    /** How much has been read so far, in the unit of {@link #total()} (bytes, for the file adapters). */
    long read();

    /** How much a whole load reads, in the same unit; 0 when it is not known. */
    long total();
}
