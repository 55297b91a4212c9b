package dev.scoreline.dsl.model;

import java.math.BigDecimal;

/** {@code status "LABEL" from N}. */
public record StatusThreshold(String label, BigDecimal from, SourcePosition position) { }
