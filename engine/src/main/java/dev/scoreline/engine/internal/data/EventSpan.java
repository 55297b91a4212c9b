package dev.scoreline.engine.internal.data;

/**
 * A record's events as plain arrays for a walk over them: instants and shapes at
 * {@code from} until {@code to}, oldest first in a loaded population. Filled by
 * {@link DataView#events}; one per walking thread, reused.
 */
public final class EventSpan {

    public long[] at;
    public int[] shape;
    public int from;
    public int to;
    /** Where events that straddle two blocks are copied to, grown when needed. */
    long[] scratchAt = new long[0];
    int[] scratchShape = new int[0];

    public void set(long[] at, int[] shape, int from, int to) {
        this.at = at;
        this.shape = shape;
        this.from = from;
        this.to = to;
    }
}
