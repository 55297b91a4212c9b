package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.Aggregate;
import java.math.BigDecimal;
import java.math.MathContext;

/** Running sum, count, min and max of the values an association rule aggregates. */
final class Aggregation {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal min;
    BigDecimal max;
    long count;

    void add(BigDecimal v) {
        add(v, 1);
    }

    /** Adds {@code n} equal values at once. */
    void add(BigDecimal v, long n) {
        sum = n == 1 ? sum.add(v) : sum.add(v.multiply(BigDecimal.valueOf(n)));
        min = min == null || v.compareTo(min) < 0 ? v : min;
        max = max == null || v.compareTo(max) > 0 ? v : max;
        count += n;
    }

    BigDecimal result(Aggregate a) {
        if (count == 0) {
            return BigDecimal.ZERO;
        }
        return switch (a) {
            case SUM -> sum;
            case AVERAGE -> sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
            case MIN -> min;
            case MAX -> max;
        };
    }
}
