package dev.scoreline.plugins.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads event times the way CRM exports write them: an ISO-8601 instant with {@code Z} or an
 * offset, epoch milliseconds, or a date {@code YYYY-MM-DD} meaning 00:00 UTC that day.
 */
public final class Instants {

    private Instants() { }

    /** Parses text; throws {@link IllegalArgumentException} with a reason a user can act on. */
    public static Instant parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("\"at\" is empty");
        }
        if (isDigits(s)) {
            return fromEpochMillis(s);
        }
        Instant utc = utcFast(s);
        if (utc != null) {
            return utc;
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"at\" is not an ISO-8601 instant with Z or an offset, epoch"
                    + " milliseconds or a date YYYY-MM-DD: \"" + text + "\"");
        }
    }

    /** Before this, an event time is more likely a mistake (epoch seconds read as milliseconds) than CRM history. */
    private static final Instant PLAUSIBLE_FROM = Instant.parse("1980-01-01T00:00:00Z");
    /** After this, likewise (epoch microseconds read as milliseconds land tens of thousands of years ahead). */
    private static final Instant PLAUSIBLE_UNTIL = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * An event time as read, after warning through {@code warn} when it reads as a date before
     * 1980 (epoch seconds given where milliseconds are expected land in January 1970) or after 2200
     * (microseconds or nanoseconds), as data-and-cli.md says. Both file adapters read their event
     * times through this.
     */
    public static Instant plausible(Instant at, java.util.function.Consumer<String> warn) {
        if (at.isBefore(PLAUSIBLE_FROM)) {
            warn.accept("\"at\" reads as " + at + ", before 1980: epoch seconds? A number is read as epoch "
                    + "milliseconds; multiply by 1000, or write an ISO-8601 instant");
        } else if (!at.isBefore(PLAUSIBLE_UNTIL)) {
            warn.accept("\"at\" reads as " + at + ", after 2200: epoch microseconds? A number is read as epoch "
                    + "milliseconds; divide by 1000, or write an ISO-8601 instant");
        }
        return at;
    }

    /** Whether {@link #plausible} would take {@code at} without a warning. */
    public static boolean isPlausible(Instant at) {
        return !at.isBefore(PLAUSIBLE_FROM) && at.isBefore(PLAUSIBLE_UNTIL);
    }

    /** Epoch milliseconds given as a number; it must be a whole number. */
    public static Instant fromEpochMillis(BigDecimal millis) {
        try {
            return Instant.ofEpochMilli(millis.longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("\"at\" as a number must be whole epoch milliseconds, got "
                    + millis.toString());
        }
    }

    private static Instant fromEpochMillis(String digits) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(digits));
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("\"at\" epoch milliseconds out of range: " + digits);
        }
    }

    /**
     * The form exports write most, {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, read without
     * java.time's general parser (a microsecond or more per value, a minute of CPU for 30M
     * events); null for anything else, which the general parser then reads or rejects. Takes the
     * parser's characters as they are (a {@link java.nio.CharBuffer} over them), so no String is made.
     */
    public static Instant utcFast(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // characters between '.' and 'Z'; none is allowed, as in java.time
            if (s.charAt(19) != '.' || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of s[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
