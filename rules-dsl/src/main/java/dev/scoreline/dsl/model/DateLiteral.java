package dev.scoreline.dsl.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date literal: a whole UTC day ({@code 2026-01-31}) or an instant ({@code 2026-01-31T12:00:00Z}).
 * Exactly one of {@code day} and {@code instant} is set.
 */
public record DateLiteral(LocalDate day, Instant instant) {

    public static DateLiteral ofDay(LocalDate day) {
        return new DateLiteral(day, null);
    }

    public static DateLiteral ofInstant(Instant instant) {
        return new DateLiteral(null, instant);
    }

    public boolean isDay() {
        return day != null;
    }

    /** The first instant of the literal: 00:00 UTC of the day, or the instant itself. */
    public Instant start() {
        return isDay() ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : instant;
    }

    /** 00:00 UTC of the next day, for a day literal; the instant itself otherwise. */
    public Instant endExclusive() {
        return isDay() ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : instant;
    }

    @Override
    public String toString() {
        return isDay() ? day.toString() : instant.toString();
    }
}
