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

    /** Warnings printed before the rest are only counted. */
    static final long WARNINGS_SHOWN = 20;

    private final PrintWriter err;
    /** Warnings printed (0: none, nor bad lines: {@code --quiet}; unlimited: {@code --verbose}). */
    private final long shownLimit;
    /** When set, only the warnings that name this record are printed; the others are counted. */
    private final Pattern about;
    private long badLines;
    private long warnings;
    private long shown;
    private long aboutOthers;

    CountingProblems(PrintWriter err) {
        this(err, null, WARNINGS_SHOWN);
    }

    /** Prints only the warnings about {@code record} (null: all), as {@code explain} of one record wants. */
    CountingProblems(PrintWriter err, RecordKey record) {
        this(err, record, WARNINGS_SHOWN);
    }

    /** Prints up to {@code shownLimit} warnings (0: nothing, not even bad lines: they are only counted). */
    CountingProblems(PrintWriter err, RecordKey record, long shownLimit) {
        this.err = err;
        this.shownLimit = shownLimit;
        // a key is a whole word: contact:a is not contact:ab
        this.about = record == null ? null
                : Pattern.compile("(?<![\\w:.-])" + Pattern.quote(record.toString()) + "(?![\\w.-])(?!:\\w)");
    }

    @Override
    public synchronized void badLine(String source, long line, String reason) {
        badLines++;
        if (shownLimit == 0) {
            return;
        }
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
        if (shown <= shownLimit) {
            err.println(source + (line > 0 ? ":" + line : "") + ": warning: " + message);
        } else if (shown == shownLimit + 1 && shownLimit > 0) {
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
