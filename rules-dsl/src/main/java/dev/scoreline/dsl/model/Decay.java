package dev.scoreline.dsl.model;

import java.math.BigDecimal;

/** {@code decay P% every K months}: K is 1, 3, 6 or 12; a month is 30 days. */
public record Decay(BigDecimal percent, int everyMonths, SourcePosition position) { }
