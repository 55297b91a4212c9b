package dev.scoreline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of {@code scoreline run} on a terminal: what it does (loading, then scoring),
 * the results so far and the rate.
 * Redrawn twice a second by its own thread, so it moves while the data loads too; nothing at all
 * when stderr is not a terminal (a pipe, a file, CI), nor with {@code --quiet}.
 */
final class Progress implements AutoCloseable {

    private static final long REDRAW_MILLIS = 500;

    private final PrintWriter err;
    private final boolean shown;
    private final AtomicLong results = new AtomicLong();
    private final long start = System.nanoTime();
    private volatile long scoringSince;
    private Thread redraw;

    Progress(PrintWriter err, boolean wanted) {
        this.err = err;
        this.shown = wanted && stderrIsTerminal();
        if (shown) {
            redraw = new Thread(this::loop, "scoreline-progress");
            redraw.setDaemon(true);
            redraw.start();
        }
    }

    /** One result scored. */
    void tick() {
        if (results.getAndIncrement() == 0) {
            scoringSince = System.nanoTime();
        }
    }

    /** Whether the process's stderr is a terminal: its file descriptor 2 is a tty (Linux), else the console's word. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REDRAW_MILLIS);
                draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        long n = results.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        String line;
        if (n == 0) {
            line = String.format(Locale.ROOT, "loading the data… %.0f s", elapsed);
        } else {
            double scoring = Math.max(1e-3, (System.nanoTime() - scoringSince) / 1e9);
            line = String.format(Locale.ROOT, "scoring… %,d results, %,.0f/s, %.0f s", n, n / scoring, elapsed);
        }
        err.print("\r\033[K" + line);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (redraw != null) {
            redraw.interrupt();
            err.print("\r\033[K");
            err.flush();
        }
    }
}
