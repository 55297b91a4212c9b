package dev.scoreline.store.internal;

import java.util.function.Predicate;

/**
 * Work tried again every 250 ms while it fails in a way worth retrying: what meets another process
 * opening the same store at that moment (an H2 file not served yet, a schema half made). The
 * last failure is thrown as it is.
 */
final class Retries {

    private static final long PAUSE_MILLIS = 250;

    private Retries() { }

    /** One try of the work. */
    interface Attempt<T, X extends Exception> {
        T run() throws X;
    }

    /** Runs {@code attempt} up to {@code attempts} times in all, pausing 250 ms after each failure {@code worthRetrying} accepts. */
    static <T, X extends Exception> T every250ms(int attempts, Predicate<Exception> worthRetrying, Attempt<T, X> attempt)
            throws X {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (tries >= attempts || !worthRetrying.test(e)) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
