package dev.scoreline.store.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How values, times and causes go into the tables and come back out. */
public final class Values {

    /** Longest cause kept; longer causes are cut with an ellipsis. */
    public static final int MAX_CAUSE = 4_000;
    /** Decimal places a value is stored with. */
    private static final int VALUE_SCALE = 10;

    private Values() { }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A stored value as people read it: {@code 29}, {@code 12.5}, never {@code 29.0000000000}. */
    public static BigDecimal readable(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal v = stored.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** A value as it is stored: at most {@value #VALUE_SCALE} decimal places. */
    public static BigDecimal storable(BigDecimal v) {
        return v.scale() > VALUE_SCALE ? v.setScale(VALUE_SCALE, RoundingMode.HALF_UP) : v;
    }

    /** A cause as it is stored: at most {@value #MAX_CAUSE} characters. */
    public static String cut(String cause) {
        if (cause == null) {
            return "";
        }
        return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE - 1) + "…";
    }

    /** Checks a run id: 1 to 100 characters (the width of its columns). */
    public static String runId(String runId) {
        java.util.Objects.requireNonNull(runId, "runId");
        if (runId.isBlank() || runId.length() > 100) {
            throw new IllegalArgumentException("a run id is 1 to 100 characters, got \"" + runId + "\"");
        }
        return runId;
    }
}
