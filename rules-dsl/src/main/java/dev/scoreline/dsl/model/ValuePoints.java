package dev.scoreline.dsl.model;

import java.math.BigDecimal;

/** One {@code value points} pair of a {@code points for} rule. */
public record ValuePoints(Value value, BigDecimal points) { }
