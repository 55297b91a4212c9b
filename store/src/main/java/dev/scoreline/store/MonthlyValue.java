package dev.scoreline.store;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The value and status a record held at the end of a month (UTC), that is after the last change
 * of or before that month. Both are {@code null} for a month the record was out of scope.
 */
public record MonthlyValue(YearMonth month, BigDecimal value, String status) { }
