package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.Decay;
import dev.scoreline.engine.internal.compile.TimeRange;
import java.math.BigDecimal;

/** Section 9: linear in the original points, stepwise per whole interval of 30*K days, never below zero. */
public final class DecayMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DecayMath() { }

    /** The factor of an event {@code ageMillis} old: max(0, 1 - s*P/100), s = floor(age / (30*K days)). */
    public static BigDecimal factor(Decay decay, long ageMillis) {
        return decay == null ? BigDecimal.ONE : factorAtStep(decay, steps(decay, ageMillis));
    }

    /** Whole intervals of 30*K days in an age (0 for events younger than one interval). */
    public static long steps(Decay decay, long ageMillis) {
        return Math.max(0, Math.floorDiv(ageMillis, interval(decay)));
    }

    /** One interval of a decay: 30*K days, in milliseconds. */
    public static long interval(Decay decay) {
        return 30L * decay.everyMonths() * TimeRange.DAY_MS;
    }

    /** The first step at which the factor reaches zero: ceil(100 / P). */
    public static int stepsToZero(Decay decay) {
        return HUNDRED.divide(decay.percent(), 0, java.math.RoundingMode.CEILING).intValueExact();
    }

    /** max(0, 1 - s*P/100). */
    public static BigDecimal factorAtStep(Decay decay, long steps) {
        if (decay == null || steps <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal f = BigDecimal.ONE.subtract(BigDecimal.valueOf(steps).multiply(decay.percent()).divide(HUNDRED));
        return f.signum() <= 0 ? BigDecimal.ZERO : f;
    }
}
