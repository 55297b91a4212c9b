package dev.scoreline.cli;

import dev.scoreline.api.DataProblems;
import java.io.PrintWriter;

/**
 * Reports data problems on stderr and counts them. Every bad line is printed with its location;
 * warnings are printed up to a limit and then only counted, so a million of them stay readable.
 */
final class CountingProblems implements DataProblems {

    private static final int WARNINGS_SHOWN = 20;

    private final PrintWriter err;
    private long badLines;
    private long warnings;

    CountingProblems(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void badLine(String source, long line, String reason) {
        badLines++;
        err.println(source + (line > 0 ? ":" + line : "") + ": bad line skipped: " + reason);
    }

    @Override
    public synchronized void warning(String source, long line, String message) {
        warnings++;
        if (warnings <= WARNINGS_SHOWN) {
            err.println(source + (line > 0 ? ":" + line : "") + ": warning: " + message);
        } else if (warnings == WARNINGS_SHOWN + 1) {
            err.println("(more data warnings are counted in the summary, not shown)");
        }
    }

    synchronized long badLines() {
        return badLines;
    }

    synchronized long warnings() {
        return warnings;
    }
}
