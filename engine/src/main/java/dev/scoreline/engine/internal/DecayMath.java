package dev.scoreline.engine.internal;

import dev.scoreline.dsl.model.Decay;
import java.math.BigDecimal;

/** Section 9: linear in the original points, stepwise per whole interval of 30*K days, never below zero. */
public final class DecayMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DecayMath() { }

    /** The factor of an event {@code ageMillis} old: max(0, 1 - s*P/100), s = floor(age / (30*K days)). */
    public static BigDecimal factor(Decay decay, long ageMillis) {
        if (decay == null) {
            return BigDecimal.ONE;
        }
        long steps = Math.floorDiv(ageMillis, 30L * decay.everyMonths() * TimeRange.DAY_MS);
        if (steps <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal f = BigDecimal.ONE.subtract(BigDecimal.valueOf(steps).multiply(decay.percent()).divide(HUNDRED));
        return f.signum() <= 0 ? BigDecimal.ZERO : f;
    }
}
