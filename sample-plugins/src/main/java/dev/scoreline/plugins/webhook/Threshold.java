package dev.scoreline.plugins.webhook;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A value that, when a score passes it, is worth telling someone: "tell the owner when a deal's
 * Deal score passes 75" is {@code new Threshold("hot deal", "Deal score", "deal", 75, UP)}.
 *
 * <p>Crossing up: the value was below the threshold (or the record had no value) and is now at or
 * above it. Crossing down: it was at or above and is now below.
 *
 * @param name       what the notification calls it
 * @param score      the score's name, or {@code null} for every score
 * @param recordType the record type, or {@code null} for every type
 */
public record Threshold(String name, String score, String recordType, BigDecimal value, Direction direction) {

    public enum Direction { UP, DOWN, BOTH }

    public Threshold {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(direction, "direction");
        if (name == null || name.isBlank()) {
            name = (score == null ? "score" : score) + " " + direction.name().toLowerCase(Locale.ROOT) + " " + value.toPlainString();
        }
    }

    /** "up", "down" or null when this update does not cross the threshold. */
    String crossing(String updateScore, String updateType, BigDecimal previous, BigDecimal current) {
        if ((score != null && !score.equalsIgnoreCase(updateScore.strip()))
                || (recordType != null && !recordType.equals(updateType))) {
            return null;
        }
        boolean wasAbove = previous != null && previous.compareTo(value) >= 0;
        boolean isAbove = current.compareTo(value) >= 0;
        if (!wasAbove && isAbove && direction != Direction.DOWN) {
            return "up";
        }
        if (wasAbove && !isAbove && direction != Direction.UP) {
            return "down";
        }
        return null;
    }
}
