package dev.scoreline.dsl.model;

import java.math.BigDecimal;

/** {@code fit|engagement levels high from H, medium from M} of a combined score. */
public record Levels(BigDecimal high, BigDecimal medium) {
    public static final Levels DEFAULT = new Levels(BigDecimal.valueOf(70), BigDecimal.valueOf(40));
}
