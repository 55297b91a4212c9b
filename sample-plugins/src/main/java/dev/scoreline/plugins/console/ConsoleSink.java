package dev.scoreline.plugins.console;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Prints one line per update for a person watching a run:
 * {@code Lead score  contact:c1  42 High  (was 10 Low)  cause}. With {@code changesOnly} it prints
 * only updates whose value or status moved. A record that left the score's scope prints
 * {@code (no value)} in place of value and status: {@code Lead score  contact:c1  (no value)  (was 42 High)  left scope}.
 */
public final class ConsoleSink implements ScoreSink {

    private final PrintStream out;
    private final boolean changesOnly;

    public ConsoleSink() {
        this(System.out, false);
    }

    public ConsoleSink(PrintStream out, boolean changesOnly) {
        this.out = Objects.requireNonNull(out, "out");
        this.changesOnly = changesOnly;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void write(List<ScoreUpdate> updates) {
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate u : updates) {
            if (changesOnly && !u.valueChanged() && !u.statusChanged()) {
                continue;
            }
            var r = u.result();
            text.append(r.score()).append("  ").append(r.record()).append("  ");
            if (u.leftScope()) {
                text.append("(no value)");
            } else {
                text.append(r.value().toPlainString()).append(' ').append(r.status());
            }
            if (r.hasValue() && r.isCombined()) {
                text.append("  [engagement ").append(r.engagement().toPlainString())
                        .append(", fit ").append(r.fit().toPlainString()).append(']');
            }
            if (u.previousValue() != null) {
                text.append("  (was ").append(u.previousValue().toPlainString()).append(' ')
                        .append(u.previousStatus() == null ? "" : u.previousStatus()).append(')');
            } else {
                text.append("  (new)");
            }
            if (!u.cause().isEmpty()) {
                text.append("  ").append(u.cause());
            }
            text.append(System.lineSeparator());
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    @Override
    public void flush() {
        out.flush();
    }
}
