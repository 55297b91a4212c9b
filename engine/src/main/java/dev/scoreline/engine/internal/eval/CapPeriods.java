package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.CapPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC periods of event caps (language.md section 6): calendar days, weeks from Monday 00:00,
 * calendar months. A period is a number that grows with time, so events walked oldest first enter
 * each period in turn.
 */
final class CapPeriods {

    private static final long DAY = 86_400_000L;
    /** 1970-01-01 was a Thursday: days since the epoch + 3 count from a Monday. */
    private static final long MONDAY_SHIFT = 3;

    private CapPeriods() { }

    static long periodOf(CapPeriod period, long at) {
        long day = Math.floorDiv(at, DAY);
        return switch (period) {
            case DAY -> day;
            case WEEK -> Math.floorDiv(day + MONDAY_SHIFT, 7);
            case MONTH -> {
                LocalDate d = LocalDate.ofEpochDay(day);
                yield d.getYear() * 12L + d.getMonthValue() - 1;
            }
        };
    }

    /** The first instant of a period, for explanations ("on 2026-02-03"). */
    static String startText(CapPeriod period, long at) {
        LocalDate d = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (period) {
            case DAY -> d.toString();
            case WEEK -> "week of " + d.minusDays(d.getDayOfWeek().getValue() - 1L);
            case MONTH -> d.toString().substring(0, 7);
        };
    }
}
