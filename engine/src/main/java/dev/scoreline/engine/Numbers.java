package dev.scoreline.engine;

import dev.scoreline.engine.internal.eval.Evaluator;
import java.math.BigDecimal;

/** How Scoreline rounds and prints numbers: 2 decimals, half away from zero, no trailing zeros. */
public final class Numbers {

    private Numbers() { }

    public static BigDecimal round(BigDecimal v) {
        return Evaluator.round(v);
    }

    public static String plain(BigDecimal v) {
        return round(v).toPlainString();
    }
}
