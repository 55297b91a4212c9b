package dev.scoreline.cli;

import dev.scoreline.api.ReadProgress;
import dev.scoreline.runtime.RunProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code scoreline run} on a terminal: what it does (loading, then scoring),
 * how far (bytes of the adapter's files while loading, results of the results to score once
 * loaded), the rate and an ETA: the rest at the rate so far of that phase.
 * Redrawn twice a second by its own thread, so it moves while the data loads too; nothing at all
 * when stderr is not a terminal (a pipe, a file, CI), nor with {@code --quiet}.
 */
final class Progress implements AutoCloseable, RunProgress {

    private static final long REDRAW_MILLIS = 500;

    private final PrintWriter err;
    private final boolean shown;
    private final LongSupplier clock;
    private final AtomicLong results = new AtomicLong();
    private final long start;
    private volatile long loadingSince;
    private volatile ReadProgress read;
    private volatile long toScore;
    private volatile long scoringSince;
    private Thread redraw;

    Progress(PrintWriter err, boolean wanted) {
        this(err, wanted && stderrIsTerminal(), System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    Progress(PrintWriter err, boolean shown, LongSupplier clock) {
        this.err = err;
        this.shown = shown;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.loadingSince = start;
        if (shown) {
            redraw = new Thread(this::loop, "scoreline-progress");
            redraw.setDaemon(true);
            redraw.start();
        }
    }

    @Override
    public void loading(Optional<ReadProgress> progress) {
        loadingSince = clock.getAsLong();
        read = progress.orElse(null);
    }

    @Override
    public void scoring(long expected) {
        toScore = expected;
    }

    /** One result scored. */
    void tick() {
        if (results.getAndIncrement() == 0) {
            scoringSince = clock.getAsLong();
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
        err.print("\r\033[K" + line());
        err.flush();
    }

    /** The line as it stands now. */
    String line() {
        long now = clock.getAsLong();
        double elapsed = (now - start) / 1e9;
        long n = results.get();
        if (n == 0) {
            ReadProgress r = read;
            if (r == null || r.total() <= 0) {
                return String.format(Locale.ROOT, "loading the data… %.0f s", elapsed);
            }
            long done = r.read();
            double rate = done / Math.max(1e-3, (now - loadingSince) / 1e9);
            return String.format(Locale.ROOT, "loading the data… %s of %s, %s/s%s, %.0f s", megabytes(done),
                    megabytes(r.total()), megabytes((long) rate), eta(done, r.total(), rate), elapsed);
        }
        double rate = n / Math.max(1e-3, (now - scoringSince) / 1e9);
        long total = toScore;
        String of = total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "";
        return String.format(Locale.ROOT, "scoring… %,d%s results, %,.0f/s%s, %.0f s", n, of, rate,
                eta(n, total, rate), elapsed);
    }

    /** ", ETA …" for the rest of {@code total} at {@code rate} per second; nothing when it cannot be told. */
    static String eta(long done, long total, double rate) {
        if (total <= 0 || done <= 0 || rate <= 0 || done > total) {
            return "";
        }
        long seconds = (long) Math.ceil((total - done) / rate);
        return ", ETA " + duration(seconds);
    }

    /** A duration for a person: {@code 45 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
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
