package dev.scoreline.testkit;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Score updates for sink tests, written briefly:
 * {@code TestUpdates.update("Lead score", "contact:c1", "42", "High").previous("10", "Low").build()}.
 */
public final class TestUpdates {

    private final String score;
    private final RecordKey record;
    private final BigDecimal value;
    private final String status;
    private final Map<String, BigDecimal> groups = new LinkedHashMap<>();
    private BigDecimal engagement;
    private BigDecimal fit;
    private BigDecimal previousValue;
    private String previousStatus;
    private Instant at = Instant.parse("2026-03-01T00:00:00Z");
    private String cause = "test";
    private String property;
    private String statusProperty;

    private TestUpdates(String score, String record, String value, String status) {
        this.score = score;
        this.record = RecordKey.parse(record);
        this.value = new BigDecimal(value);
        this.status = status;
    }

    public static TestUpdates update(String score, String record, String value, String status) {
        return new TestUpdates(score, record, value, status);
    }

    public TestUpdates previous(String value, String status) {
        this.previousValue = value == null ? null : new BigDecimal(value);
        this.previousStatus = status;
        return this;
    }

    public TestUpdates group(String name, String value) {
        groups.put(name, new BigDecimal(value));
        return this;
    }

    public TestUpdates combined(String engagement, String fit) {
        this.engagement = new BigDecimal(engagement);
        this.fit = new BigDecimal(fit);
        return this;
    }

    /**
     * Stores the score in {@code property} and its status in {@code statusProperty} (null:
     * {@code <property>_status}), as {@code property} and {@code status property} lines do;
     * without this call the names are derived from the score's name.
     */
    public TestUpdates property(String property, String statusProperty) {
        this.property = property;
        this.statusProperty = statusProperty;
        return this;
    }

    public TestUpdates at(String instant) {
        this.at = Instant.parse(instant);
        return this;
    }

    public TestUpdates cause(String cause) {
        this.cause = cause;
        return this;
    }

    public ScoreUpdate build() {
        ScoreProperties properties = property == null ? null
                : ScoreProperties.of(property, statusProperty, engagement != null);
        return new ScoreUpdate(new ScoreResult(score, record, value, status, groups, engagement, fit, properties),
                previousValue, previousStatus, at, cause);
    }
}
