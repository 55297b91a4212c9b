package dev.scoreline.dsl.model;

import java.math.BigDecimal;
import java.util.List;

public enum ScoreType {
    ENGAGEMENT, FIT, COMBINED, HEALTH;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The statuses of a score of this type that names none (language.md section 4), lowest
     * first, each at {@code at}: Low, Medium from 40, High from 70; for a health score At risk,
     * Neutral from 40, Healthy from 70. The lowest starts below every value. A combined score
     * has none: its status is the letter/digit matrix (section 8).
     */
    public List<StatusThreshold> defaultStatuses(SourcePosition at) {
        if (this == COMBINED) {
            return List.of();
        }
        boolean health = this == HEALTH;
        return List.of(new StatusThreshold(health ? "At risk" : "Low", BigDecimal.valueOf(Long.MIN_VALUE), at),
                new StatusThreshold(health ? "Neutral" : "Medium", BigDecimal.valueOf(40), at),
                new StatusThreshold(health ? "Healthy" : "High", BigDecimal.valueOf(70), at));
    }
}
