package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.SinkReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code scoreline run}'s summary that say what reached the sinks: a resumed run and
 * what it re-sent, then one line per sink (delivered, retried, kept for the next run, why it
 * failed), and the coded failure (exit 4) when something was kept undelivered.
 */
final class DeliverySummary {

    private DeliverySummary() { }

    static void print(RunReport report, PrintWriter out) {
        List<String> resent = new ArrayList<>();
        for (SinkReport s : report.sinks()) {
            if (s.resent() > 0) {
                resent.add(String.format(Locale.ROOT, resent.isEmpty() ? "%,d updates re-sent to %s" : "%,d to %s",
                        s.resent(), s.sink()));
            }
        }
        String resentText = resent.isEmpty() ? "" : "; " + String.join(", ", resent)
                + " (not acknowledged when the earlier attempt stopped)";
        if (report.resumed()) {
            out.printf(Locale.ROOT, "  resumed run %s: %,d of its changes were committed before it was interrupted%s%n",
                    report.runId(), report.changedBefore(), resentText);
        } else if (!resent.isEmpty()) {
            out.println("  " + resentText.substring(2));
        }
        for (SinkReport s : report.sinks()) {
            out.println("  " + line(s));
        }
    }

    /** {@code jsonl: 880 delivered} or {@code webhook: 480 delivered, 2 retried, 400 kept for the next run (failed: …)}. */
    static String line(SinkReport s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sink %s: %,d delivered", s.sink(), s.delivered()));
        if (s.retried() > 0) {
            b.append(String.format(Locale.ROOT, ", %,d retried", s.retried()));
        }
        if (s.kept() > 0) {
            b.append(String.format(Locale.ROOT, ", %,d kept for the next run", s.kept()));
        }
        if (s.failure() != null) {
            b.append(" (failed: ").append(s.failure()).append(')');
        }
        return b.toString();
    }

    /** SL703 naming each sink that keeps something, with its error. */
    static ScorelineException undelivered(RunReport report, Path outboxDir) {
        List<String> failed = new ArrayList<>();
        for (SinkReport s : report.sinks()) {
            if (!s.complete()) {
                failed.add("sink " + s.sink() + (s.kept() > 0 ? String.format(Locale.ROOT, " keeps %,d", s.kept()) : "")
                        + " (" + s.failure() + ")");
            }
        }
        long kept = report.kept();
        return new ScorelineException(ErrorCode.UNDELIVERED, String.format(Locale.ROOT, "%,d update%s kept undelivered: %s",
                kept, kept == 1 ? "" : "s", String.join("; ", failed)),
                "check that the sinks' targets (files, URLs, tables) can take them; the next run delivers them first "
                        + "(outboxes under " + outboxDir + ")");
    }
}
