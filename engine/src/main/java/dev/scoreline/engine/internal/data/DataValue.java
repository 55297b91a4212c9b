package dev.scoreline.engine.internal.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A property value as the matching rules see it (language.md section 10): zero or more atoms (an
 * array is a multi-valued property), each trimmed, with its case-folded text, and — read lazily —
 * its number and its instant. Unknown (missing, null, empty string, empty array) is no atom.
 */
public final class DataValue {

    public static final DataValue UNKNOWN = new DataValue(new Atom[0]);

    private final Atom[] atoms;

    private DataValue(Atom[] atoms) {
        this.atoms = atoms;
    }

    public Atom[] atoms() {
        return atoms;
    }

    public boolean isUnknown() {
        return atoms.length == 0;
    }

    /** Normalizes a raw value of the fact model (String, Number, Boolean, null or a List of those). */
    public static DataValue of(Object raw) {
        List<String> texts = texts(raw);
        if (texts.isEmpty()) {
            return UNKNOWN;
        }
        Atom[] atoms = new Atom[texts.size()];
        for (int i = 0; i < atoms.length; i++) {
            atoms[i] = new Atom(texts.get(i));
        }
        return new DataValue(atoms);
    }

    /**
     * The trimmed texts of a raw value, empty ones left out. Two raw values with the same folded,
     * sorted texts match every predicate alike, which is what makes them one shape.
     */
    public static List<String> texts(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o instanceof List<?>) {
                    continue; // nested arrays are not property values
                }
                String t = text(o);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }
        String t = text(raw);
        return t == null ? List.of() : List.of(t);
    }

    private static String text(Object o) {
        if (o == null) {
            return null;
        }
        String s = o instanceof BigDecimal d ? d.toPlainString() : o.toString();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** The shape key of a raw value: folded texts, sorted, separated by a control character. */
    public static String key(Object raw) {
        List<String> texts = texts(raw);
        if (texts.isEmpty()) {
            return "";
        }
        if (texts.size() == 1) {
            return fold(texts.get(0));
        }
        String[] folded = new String[texts.size()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(texts.get(i));
        }
        Arrays.sort(folded);
        return String.join("\u001f", folded);
    }

    public static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** The trimmed texts of the atoms, as a raw multi-valued property value. */
    public java.util.List<String> rawTexts() {
        java.util.List<String> out = new ArrayList<>(atoms.length);
        for (Atom a : atoms) {
            out.add(a.text);
        }
        return out;
    }

    @Override
    public String toString() {
        if (atoms.length == 1) {
            return atoms[0].text;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < atoms.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(atoms[i].text);
        }
        return sb.append(']').toString();
    }

    /** One value of a property. */
    public static final class Atom {
        public final String text;
        public final String folded;
        // Read lazily by any scoring thread: each flag is volatile and written after what it guards,
        // so a thread that sees it set sees the value (a thread that sees it unset parses again, alike).
        private BigDecimal number;
        private volatile boolean numberRead;
        private long instant;
        private boolean hasInstant;
        private volatile boolean instantRead;

        Atom(String text) {
            this.text = text;
            this.folded = text.toLowerCase(Locale.ROOT);
        }

        /** The number this value reads as, or null ("100" and "1e2" are 100; no thousands separators). */
        public BigDecimal number() {
            if (!numberRead) {
                number = parseNumber(text);
                numberRead = true;
            }
            return number;
        }

        /** Whether the value reads as an instant (ISO date, ISO instant, or epoch milliseconds). */
        public boolean hasInstant() {
            readInstant();
            return hasInstant;
        }

        /** Epoch milliseconds; only meaningful when {@link #hasInstant()}. */
        public long instant() {
            readInstant();
            return instant;
        }

        private void readInstant() {
            if (instantRead) {
                return;
            }
            Long millis = parseInstant(text);
            if (millis != null) {
                instant = millis;
                hasInstant = true;
            }
            instantRead = true;
        }
    }

    /**
     * The number a trimmed text reads as (language.md section 10), or null: an optional sign,
     * digits with an optional fraction or a fraction alone ({@code .5}; {@code 5.} is not a
     * number), an optional exponent ({@code 1e3}, {@code 2.5E-2}). An exponent beyond what a
     * spreadsheet writes (|e| > 400) does not read, so no value can blow up the exact arithmetic.
     */
    static BigDecimal parseNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return null;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int intDigits = digits(s, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            fracDigits = digits(s, i + 1);
            if (fracDigits == 0) {
                return null; // "5." and "." are not numbers
            }
            i += 1 + fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1 < n && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+') ? i + 2 : i + 1;
            int expDigits = digits(s, j);
            if (expDigits == 0 || expDigits > 3 || Integer.parseInt(s.substring(j, j + expDigits)) > 400) {
                return null;
            }
            i = j + expDigits;
        }
        if (i != n) {
            return null;
        }
        try {
            return new BigDecimal(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Epoch milliseconds of an ISO-8601 date or instant, or of an epoch-milliseconds integer; else null. */
    public static Long parseInstant(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c0 = s.charAt(0);
        boolean allDigits = true;
        for (int i = (c0 == '-' ? 1 : 0); i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                allDigits = false;
                break;
            }
        }
        if (allDigits && s.length() > (c0 == '-' ? 1 : 0)) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String u = s.toUpperCase(Locale.ROOT);
        try {
            if (u.length() == 10) {
                return LocalDate.parse(u).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (u.endsWith("Z")) {
                return Instant.parse(u).toEpochMilli();
            }
            return OffsetDateTime.parse(u).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
