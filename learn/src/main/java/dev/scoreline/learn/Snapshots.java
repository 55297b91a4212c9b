package dev.scoreline.learn;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The instants a backtest replays (docs/outcomes.md): the first day of each month of the data, or
 * every N days from its first event, leaving out those whose window reaches past NOW (their
 * outcome is not known yet).
 */
public final class Snapshots {

    private Snapshots() { }

    /**
     * The snapshots from the data's first event of {@code type}'s records up to {@code now};
     * {@code everyDays} null for monthly ones. No event at all, or no snapshot whose window closes
     * by NOW, is SL806 saying what the data holds.
     */
    public static List<Instant> of(CrmAdapter adapter, String type, Instant now, Integer everyDays, int windowDays) {
        return of(firstEvent(adapter, type, now), type, now, everyDays, windowDays);
    }

    /** As {@link #of(CrmAdapter, String, Instant, Integer, int)} from the first event, found elsewhere. */
    static List<Instant> of(Optional<Instant> firstEvent, String type, Instant now, Integer everyDays, int windowDays) {
        Instant first = firstEvent.orElseThrow(() -> new ScorelineException(ErrorCode.TOO_FEW_EXAMPLES,
                "the data holds no event of a " + type + " record at or before NOW (" + now + ")",
                "give --data the folder that holds the events, or a later --as-of"));
        List<Instant> out = everyDays == null ? monthly(first, now, windowDays) : every(first, now, everyDays, windowDays);
        if (out.isEmpty()) {
            throw new ScorelineException(ErrorCode.TOO_FEW_EXAMPLES, "no snapshot between the first event (" + first
                    + ") and NOW (" + now + ") has a " + windowDays + "-day window that closes by NOW",
                    "use a shorter --within, a later --as-of, or data that reaches further back");
        }
        return out;
    }

    /** The first of each month at or after {@code first}, whose window closes by {@code now}. */
    static List<Instant> monthly(Instant first, Instant now, int windowDays) {
        List<Instant> out = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(first, ZoneOffset.UTC);
        LocalDate month = day.getDayOfMonth() == 1 && first.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant())
                ? day : day.withDayOfMonth(1).plusMonths(1);
        for (Instant d = start(month); closes(d, now, windowDays); month = month.plusMonths(1), d = start(month)) {
            out.add(d);
        }
        return out;
    }

    /** Every {@code everyDays} days from the UTC day after {@code first}, whose window closes by {@code now}. */
    static List<Instant> every(Instant first, Instant now, int everyDays, int windowDays) {
        if (everyDays < 1) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--every " + everyDays + " is not a number of days",
                    "give --every a whole number of days, 1 or more, e.g. --every 14");
        }
        List<Instant> out = new ArrayList<>();
        Instant d = first.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        for (; closes(d, now, windowDays); d = d.plus(Duration.ofDays(everyDays))) {
            out.add(d);
        }
        return out;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean closes(Instant snapshot, Instant now, int windowDays) {
        return !snapshot.plus(Duration.ofDays(windowDays)).isAfter(now);
    }

    /** The earliest event of a record of {@code type} at or before NOW (events after NOW do not exist yet). */
    static Optional<Instant> firstEvent(CrmAdapter adapter, String type, Instant now) {
        try (Stream<CrmEvent> events = adapter.events()) {
            return events.filter(e -> e.record().type().equalsIgnoreCase(type) && !e.at().isAfter(now))
                    .map(CrmEvent::at).min(Instant::compareTo);
        }
    }
}
