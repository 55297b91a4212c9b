package dev.scoreline.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantsTest {

    /** The fast path reads exactly what the general parser reads, and gives up on anything else. */
    @Test
    void fastUtcAgreesWithTheGeneralParser() {
        Random random = new Random(3);
        int fast = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = candidate(random);
            Instant general;
            try {
                general = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                general = null;
            }
            Instant quick = Instants.utcFast(s);
            if (quick != null) {
                fast++;
                assertEquals(general, quick, s);
            } else if (general != null && s.endsWith("Z") && s.length() >= 20 && s.charAt(10) == 'T') {
                throw new AssertionError("the fast path gave up on a plain UTC instant: " + s);
            }
        }
        assertEquals(true, fast > 50_000, "too few candidates took the fast path: " + fast);
    }

    @Test
    void invalidDatesAndTimesAreLeftToTheGeneralParserWhichRejectsThem() {
        for (String s : new String[] {"2026-02-29T10:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:60Z",
                "2026-01-01T10:00:00.1234567890Z", "2026-01-0xT10:00:00Z"}) {
            assertNull(Instants.utcFast(s), s);
            assertThrows(IllegalArgumentException.class, () -> Instants.parse(s), s);
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), Instants.parse("2024-02-29T23:59:59.5Z"));
        assertNotNull(Instants.utcFast("0001-01-01T00:00:00.000000001Z"));
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), Instants.utcFast("2026-01-01T10:00:00.Z"));
    }

    private static String candidate(Random r) {
        int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 1990 + r.nextInt(60);
        String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, r.nextInt(14), r.nextInt(33), r.nextInt(26),
                r.nextInt(62), r.nextInt(62));
        int fraction = r.nextInt(12) - 1;
        if (fraction >= 0) {
            StringBuilder sb = new StringBuilder(s).append('.');
            for (int i = 0; i < fraction; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            s = sb.toString();
        }
        return s + (r.nextInt(8) == 0 ? "+01:00" : "Z");
    }
}
