package dev.scoreline.bench.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching values as language.md §10 says, on raw data values ({@link String}, {@link Number},
 * {@link Boolean}, {@code null}, or a {@link List} of those). Used by the hand-written evaluator
 * (once per distinct value) and by the naive Drools rules (in their constraints).
 *
 * <p>Decisions: a value is unknown when missing, null, a string that is empty after trimming, or
 * an array with no known element; inside an array, null and empty elements are ignored. A string
 * reads as a number when, trimmed, it is a plain decimal ({@code -?digits[.digits]}, as NUMBER
 * literals are written); booleans never do. Text comparisons trim and lower-case both sides.
 */
public final class Values {
    private Values() { }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The known values of a property: empty when it is unknown. */
    public static List<Object> values(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) {
            boolean clean = true;
            for (Object o : l) if (!isKnownScalar(o)) { clean = false; break; }
            if (clean) {
                @SuppressWarnings("unchecked") List<Object> lo = (List<Object>) l;
                return lo;
            }
            return l.stream().filter(Values::isKnownScalar).map(o -> (Object) o).toList();
        }
        return isKnownScalar(v) ? List.of(v) : List.of();
    }

    private static boolean isKnownScalar(Object o) {
        return o != null && !(o instanceof String s && s.isBlank()) && !(o instanceof List);
    }

    public static boolean known(Object v) {
        return !values(v).isEmpty();
    }

    public static boolean unknown(Object v) {
        return values(v).isEmpty();
    }

    /** Trimmed, lower-cased text of a scalar; numbers in plain notation without trailing zeros. */
    public static String text(Object o) {
        if (o instanceof String s) return s.trim().toLowerCase(Locale.ROOT);
        if (o instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (o instanceof Double || o instanceof Float) return BigDecimal.valueOf(((Number) o).doubleValue()).stripTrailingZeros().toPlainString();
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }

    /** The number a scalar reads as, or NaN. */
    public static double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) {
            String t = s.trim();
            if (NUMBER.matcher(t).matches()) return Double.parseDouble(t);
        }
        return Double.NaN;
    }

    /** {@code PROP is "lit"}: some value equals the literal, ignoring case and surrounding spaces. */
    public static boolean is(Object v, String lit) {
        String l = lit.trim().toLowerCase(Locale.ROOT);
        for (Object o : values(v)) if (text(o).equals(l)) return true;
        return false;
    }

    /** {@code PROP is NUMBER}: some value reads as the same number. */
    public static boolean isNumber(Object v, double lit) {
        for (Object o : values(v)) if (number(o) == lit) return true;
        return false;
    }

    /** {@code is any of}, the literals separated by '|'. */
    public static boolean anyOf(Object v, String lits) {
        for (String l : lits.split("\\|")) if (is(v, l)) return true;
        return false;
    }

    public static boolean contains(Object v, String lit) {
        String l = lit.trim().toLowerCase(Locale.ROOT);
        for (Object o : values(v)) if (text(o).contains(l)) return true;
        return false;
    }

    /** {@code contains any of}, the literals separated by '|'. */
    public static boolean containsAny(Object v, String lits) {
        for (String l : lits.split("\\|")) if (contains(v, l)) return true;
        return false;
    }

    public static boolean startsWith(Object v, String lit) {
        String l = lit.trim().toLowerCase(Locale.ROOT);
        for (Object o : values(v)) if (text(o).startsWith(l)) return true;
        return false;
    }

    public static boolean endsWith(Object v, String lit) {
        String l = lit.trim().toLowerCase(Locale.ROOT);
        for (Object o : values(v)) if (text(o).endsWith(l)) return true;
        return false;
    }

    public static boolean gt(Object v, double n) {
        for (Object o : values(v)) if (number(o) > n) return true;
        return false;
    }

    public static boolean ge(Object v, double n) {
        for (Object o : values(v)) if (number(o) >= n) return true;
        return false;
    }

    public static boolean lt(Object v, double n) {
        for (Object o : values(v)) if (number(o) < n) return true;
        return false;
    }

    public static boolean le(Object v, double n) {
        for (Object o : values(v)) if (number(o) <= n) return true;
        return false;
    }

    /** Numeric between, both ends included. */
    public static boolean between(Object v, double a, double b) {
        double lo = Math.min(a, b), hi = Math.max(a, b);
        for (Object o : values(v)) {
            double d = number(o);
            if (d >= lo && d <= hi) return true;
        }
        return false;
    }

    /** {@code in list "X"}: names match ignoring case and surrounding spaces. */
    public static boolean inList(Collection<String> lists, String name) {
        if (lists == null) return false;
        String l = name.trim();
        for (String s : lists) if (s.trim().equalsIgnoreCase(l)) return true;
        return false;
    }

    /** The index of the first listed literal ('|'-separated) that some value equals, or -1. */
    public static int firstListed(Object v, String lits) {
        String[] ls = lits.split("\\|");
        for (int i = 0; i < ls.length; i++) if (is(v, ls[i])) return i;
        return -1;
    }

    /** Half away from zero to 2 decimals, after absorbing binary noise below 5e-7. */
    public static double round2(double v) {
        if (Double.isNaN(v)) return v;
        long micro = Math.round(Math.abs(v) * 1_000_000d);
        long cents = (micro + 5_000) / 10_000;
        double r = cents / 100d;
        return v < 0 ? -r : r;
    }
}
