package dev.scoreline.engine.internal.compile;

import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.Timeframe;

/**
 * An inclusive range of epoch milliseconds, the one place where the time rules of language.md
 * section 11 become numbers: a date literal is a whole UTC day, an instant literal is exact.
 */
public record TimeRange(long from, long to) {

    public static final long DAY_MS = 86_400_000L;

    public boolean contains(long t) {
        return t >= from && t <= to;
    }

    public static TimeRange of(Timeframe timeframe, long now) {
        if (timeframe instanceof Timeframe.InTheLast l) {
            return inTheLast(l.amount(), l.unit().days(), now);
        } else if (timeframe instanceof Timeframe.Before b) {
            return before(b.date());
        } else if (timeframe instanceof Timeframe.After a) {
            return after(a.date());
        }
        Timeframe.Between b = (Timeframe.Between) timeframe;
        return between(b.from(), b.to());
    }

    /** NOW - N units <= t <= NOW. */
    public static TimeRange inTheLast(long amount, int unitDays, long now) {
        return new TimeRange(now - amount * unitDays * DAY_MS, now);
    }

    /** Day D: t < D 00:00. Instant I: t < I. */
    public static TimeRange before(DateLiteral d) {
        return new TimeRange(Long.MIN_VALUE, d.start().toEpochMilli() - 1);
    }

    /** Day D: t >= (D + 1 day) 00:00. Instant I: t > I. */
    public static TimeRange after(DateLiteral d) {
        return new TimeRange(d.isDay() ? d.endExclusive().toEpochMilli() : d.instant().toEpochMilli() + 1,
                Long.MAX_VALUE);
    }

    /** Days: D1 00:00 <= t < (D2 + 1 day) 00:00. Instants: inclusive at both ends. */
    public static TimeRange between(DateLiteral from, DateLiteral to) {
        long lo = from.start().toEpochMilli();
        long hi = to.isDay() ? to.endExclusive().toEpochMilli() - 1 : to.instant().toEpochMilli();
        return new TimeRange(lo, hi);
    }

    /** The instants that {@code is DATE} matches: the whole day, or the instant itself. */
    public static TimeRange on(DateLiteral d) {
        return d.isDay() ? new TimeRange(d.start().toEpochMilli(), d.endExclusive().toEpochMilli() - 1)
                : new TimeRange(d.instant().toEpochMilli(), d.instant().toEpochMilli());
    }
}
