package dev.scoreline.cli;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * Reports data problems on stderr and counts them. Every bad line is printed with its location;
 * warnings are printed up to a limit and then only counted, so a million of them stay readable.
 */
final class CountingProblems implements DataProblems {

    private static final int WARNINGS_SHOWN = 20;

    private final PrintWriter err;
    /** When set, only the warnings that name this record are printed; the others are counted. */
    private final Pattern about;
    private long badLines;
    private long warnings;
    private long shown;
    private long aboutOthers;

    CountingProblems(PrintWriter err) {
        this(err, null);
    }

    /** Prints only the warnings about {@code record} (null: all), as {@code explain} of one record wants. */
    CountingProblems(PrintWriter err, RecordKey record) {
        this.err = err;
        // a key is a whole word: contact:a is not contact:ab
        this.about = record == null ? null
                : Pattern.compile("(?<![\\w:.-])" + Pattern.quote(record.toString()) + "(?![\\w.-])(?!:\\w)");
    }

    @Override
    public synchronized void badLine(String source, long line, String reason) {
        badLines++;
        err.println(source + (line > 0 ? ":" + line : "") + ": bad line skipped: " + reason);
    }

    @Override
    public synchronized void warning(String source, long line, String message) {
        warnings++;
        if (about != null && !about.matcher(message).find()) {
            aboutOthers++;
            return;
        }
        shown++;
        if (shown <= WARNINGS_SHOWN) {
            err.println(source + (line > 0 ? ":" + line : "") + ": warning: " + message);
        } else if (shown == WARNINGS_SHOWN + 1) {
            err.println("(more data warnings are counted in the summary, not shown)");
        }
    }

    synchronized long badLines() {
        return badLines;
    }

    /** Warnings not printed because they are about other records than the one asked for. */
    synchronized long warningsAboutOthers() {
        return aboutOthers;
    }

    synchronized long warnings() {
        return warnings;
    }
}
