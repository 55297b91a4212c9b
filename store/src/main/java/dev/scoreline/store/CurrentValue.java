package dev.scoreline.store;

import dev.scoreline.api.RecordKey;
import java.math.BigDecimal;
import java.time.Instant;

/** The value and status the store holds for a record of a score, and when it last changed. */
public record CurrentValue(String score, RecordKey record, BigDecimal value, String status, Instant updatedAt) { }
