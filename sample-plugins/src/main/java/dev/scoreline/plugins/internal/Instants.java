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
