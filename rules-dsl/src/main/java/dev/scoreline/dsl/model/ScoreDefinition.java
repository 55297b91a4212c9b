package dev.scoreline.dsl.model;

import dev.scoreline.api.ScoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * One validated {@code score} block. Optional settings are {@code null} when not written;
 * {@code statuses} is empty when the defaults of the score type apply, and {@code fitLevels} /
 * {@code engagementLevels} are {@code null} when not written (the engine applies {@link Levels#DEFAULT}).
 *
 * <p>{@code limit} is {@code null} when no {@code limit} line was written, also for a health score:
 * there the engine implies 100 (language.md section 4), and the model keeps what was written so that
 * formatting gives back the same text; so are {@code property} and {@code statusProperty}, while
 * {@link #properties()} gives the names in force. {@code fitLevels}, {@code engagementLevels} and the groups'
 * {@code kind} are set only in combined scores (elsewhere they are warned about and left {@code null}).
 */
public record ScoreDefinition(
        String name,
        String objectType,
        ScoreType type,
        BigDecimal limit,
        BigDecimal minimum,
        List<String> includeLists,
        List<String> excludeLists,
        List<StatusThreshold> statuses,
        Levels fitLevels,
        Levels engagementLevels,
        String property,
        String statusProperty,
        String description,
        List<Group> groups,
        SourcePosition position) {

    public ScoreDefinition {
        includeLists = List.copyOf(includeLists);
        excludeLists = List.copyOf(excludeLists);
        statuses = List.copyOf(statuses);
        groups = List.copyOf(groups);
    }

    /**
     * The record properties the score is stored in: {@code property} (else the name derived from
     * the score's name), {@code statusProperty} (else {@code <property>_status}) and, for a combined
     * score, {@code <property>_engagement} and {@code <property>_fit} (language.md).
     */
    public ScoreProperties properties() {
        return ScoreProperties.of(valueProperty(name, property), statusProperty, type == ScoreType.COMBINED);
    }

    /** The property a score named {@code name} is stored in: {@code property}, else the name derived from {@code name}. */
    public static String valueProperty(String name, String property) {
        return property != null ? property : ScoreProperties.nameFor(name);
    }

    /**
     * The statuses in force, lowest threshold first: those written, or when none is the defaults
     * of the score type ({@link ScoreType#defaultStatuses}, placed at the score). {@link #statuses}
     * stays what was written, so formatting gives back the same text.
     */
    public List<StatusThreshold> statusesInForce() {
        if (statuses.isEmpty()) {
            return type.defaultStatuses(position);
        }
        return statuses.stream().sorted(java.util.Comparator.comparing(StatusThreshold::from)).toList();
    }
}
