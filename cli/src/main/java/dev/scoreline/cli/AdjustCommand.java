package dev.scoreline.cli;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.RecordKey;
import dev.scoreline.store.ScoreStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scoreline adjust}: manual adjustments of a record's score, kept in the store with their
 * author and reason (docs/store.md "Adjustments"). The next run re-scores the record with it.
 */
@Command(name = "adjust", mixinStandardHelpOptions = true,
        description = {"Adjust a record's score by hand: points added to its total (before the score's limit and "
                + "minimum) until a date or until removed, kept in the store with author and reason.",
                "The next `scoreline run` (or a running `run --follow`) re-scores the record and delivers the new value "
                        + "with the change 'adjustment'."})
final class AdjustCommand extends ScoresCommand.StoreCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "The record, as type:id.")
    String key;

    @Option(names = "--score", paramLabel = "NAME", description = "The score to adjust, by name.")
    String score;

    @Option(names = "--points", paramLabel = "P", description = "Points to add (negative to subtract), e.g. 10 or -5.5.")
    BigDecimal points;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why: kept in the history and shown by explain.")
    String reason;

    @Option(names = "--until", paramLabel = "DATE",
            description = "Until when it counts: a date (00:00 UTC) or an instant. Default: until removed.")
    String until;

    @Option(names = "--author", paramLabel = "NAME",
            description = "Who adjusts. Default: $SCORELINE_AUTHOR, else $USER, else the system's user name.")
    String author;

    @Option(names = "--list", description = "List the adjustments (of KEY, when given) with their ids.")
    boolean list;

    @Option(names = "--remove", paramLabel = "ID", description = "Remove the adjustment with this id.")
    Long remove;

    @Override
    int call(ScoreStore store) {
        if (list && remove != null) {
            throw ScoresCommand.badArgument("--list and --remove cannot be given together", "give one of them");
        }
        if (list) {
            return list(store, key == null ? null : ScoresCommand.recordKey("", key));
        }
        if (remove != null) {
            Adjustment a = store.adjustments().remove(remove);
            out.println("removed adjustment " + a.describe() + " of \"" + a.score() + "\" on " + a.record()
                    + "; the next run re-scores " + a.record());
            return Main.OK;
        }
        RecordKey record = ScoresCommand.recordKey("", required(key, "KEY", "the record to adjust, e.g. contact:c1"));
        Adjustment a = store.adjustments().add(required(score, "--score", "the name of the score, e.g. --score \"Lead score\""),
                record, required(points, "--points", "the points to add, e.g. --points 10 or --points -5"),
                required(reason, "--reason", "why, e.g. --reason \"met at the trade fair\""), author(), until());
        out.println("adjusted \"" + a.score() + "\" of " + a.record() + ": adjustment " + a.describe()
                + "; the next run re-scores " + a.record());
        return Main.OK;
    }

    private int list(ScoreStore store, RecordKey record) {
        List<Adjustment> all = store.adjustments().list(record);
        if (all.isEmpty()) {
            out.println("no adjustments" + (record == null ? "" : " of " + record));
            return Main.OK;
        }
        Instant now = Instant.now();
        for (Adjustment a : all) {
            out.println(a.record() + "  \"" + a.score() + "\"  " + a.describe()
                    + (a.activeAt(now.toEpochMilli()) ? "" : "  (expired)") + "  made " + a.createdAt());
        }
        return Main.OK;
    }

    /** The author: --author, else $SCORELINE_AUTHOR, else $USER, else Java's user.name. */
    private String author() {
        for (String candidate : new String[] {author, System.getenv("SCORELINE_AUTHOR"), System.getenv("USER"),
                System.getProperty("user.name")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }

    private Instant until() {
        if (until == null) {
            return null;
        }
        Instant at;
        try {
            at = AsOf.parse(until);
        } catch (DateTimeParseException e) {
            throw ScoresCommand.badArgument("--until takes a date such as 2026-04-01 or an instant such as "
                    + "2026-04-01T12:00:00Z, not \"" + until + "\"", "write the date as YYYY-MM-DD (00:00 UTC)");
        }
        if (!at.isAfter(Instant.now())) {
            throw ScoresCommand.badArgument("--until " + until + " has already passed",
                    "give a date in the future, or leave --until out to keep the adjustment until it is removed");
        }
        return at;
    }

    private static <T> T required(T value, String option, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ScoresCommand.badArgument("adjust needs " + option, "give " + what
                    + " (or --list, or --remove ID); see 'scoreline adjust --help'");
        }
        return value;
    }
}
