package dev.scoreline.runtime;

/**
 * What one sink got in a run ({@link RunReport#sinks()}).
 *
 * @param sink      the sink's name
 * @param delivered updates the sink took in this run: the run's own, what its outbox held from
 *                  earlier runs, and what was re-sent
 * @param retried   writes (or flushes) that failed and were tried again
 * @param kept      updates the sink has not taken, kept for the next run: in its outbox, or in the
 *                  store's delivery log when the sink took them but could not flush them
 * @param resent    updates re-sent because the sink had not acknowledged them when an earlier run
 *                  stopped (a crash after the store committed them): at most one batch per crash
 * @param failure   why the sink failed, when it keeps something or could not flush; else {@code null}
 */
public record SinkReport(String sink, long delivered, long retried, long kept, long resent, String failure) {

    /** Whether everything reached the sink. */
    public boolean complete() {
        return kept == 0 && failure == null;
    }
}
