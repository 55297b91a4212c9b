package dev.scoreline.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Data problems passed on to another {@link DataProblems}, the bad lines counted: what a loader's
 * summary or a strict run (which fails on any bad line) needs. Safe for several reading threads.
 */
public class BadLineCounter implements DataProblems {

    private final DataProblems next;
    private final AtomicLong badLines = new AtomicLong();

    public BadLineCounter(DataProblems next) {
        this.next = java.util.Objects.requireNonNull(next, "next");
    }

    @Override
    public void badLine(String source, long line, String reason) {
        badLines.incrementAndGet();
        next.badLine(source, line, reason);
    }

    @Override
    public void warning(String source, long line, String message) {
        next.warning(source, line, message);
    }

    /** The bad lines reported so far. */
    public long badLines() {
        return badLines.get();
    }
}
