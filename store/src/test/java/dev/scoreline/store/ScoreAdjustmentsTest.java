package dev.scoreline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScorelineException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Manual adjustments kept in the store, on H2 and on a real PostgreSQL. */
class ScoreAdjustmentsTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    private static final String LEAD = "Lead score";
    private static final RecordKey C1 = RecordKey.parse("contact:c1");
    private static final Instant MADE = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");

    /** A store holding one run's values of "Lead score" for contact:c1 and contact:c2. */
    private static ScoreStore store(String db) {
        ScoreStore store = StoreDatabases.open(StoreDatabases.freshUrl(db)).clock(Clock.fixed(MADE, ZoneOffset.UTC));
        store.ledger().apply(LEAD, List.of(result("contact:c1", "20"), result("contact:c2", "5")), MADE, "run-1",
                r -> "first run");
        return store;
    }

    private static ScoreResult result(String key, String value) {
        return new ScoreResult(LEAD, RecordKey.parse(key), new BigDecimal(value), "Low", Map.of(), null, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void madeListedAndRemovedWithAuthorReasonAndUntil(String db) {
        try (ScoreStore store = store(db)) {
            ScoreAdjustments adjustments = store.adjustments();
            Adjustment a = adjustments.add(LEAD, C1, new BigDecimal("12.5"), "met at the fair", "alice", UNTIL);
            Adjustment b = adjustments.add(LEAD, RecordKey.parse("contact:c2"), new BigDecimal("-5"), "bounced", "bob", null);
            assertThat(b.id()).isGreaterThan(a.id());
            assertThat(a).isEqualTo(new Adjustment(a.id(), LEAD, C1, new BigDecimal("12.5"), "met at the fair", "alice",
                    UNTIL, MADE));
            assertThat(adjustments.list(null)).containsExactly(a, b);
            assertThat(adjustments.list(C1)).containsExactly(a);
            assertThat(adjustments.of(List.of(LEAD))).containsExactly(a, b);
            assertThat(a.describe()).isEqualTo("#" + a.id() + " +12.5 by alice until 2026-06-01T00:00:00Z: \"met at the fair\"");

            assertThat(adjustments.remove(b.id())).isEqualTo(b);
            assertThat(adjustments.list(null)).containsExactly(a);
            assertThat(adjustments.of(List.of(LEAD))).containsExactly(a);
            assertThatThrownBy(() -> adjustments.remove(b.id())).isInstanceOf(ScorelineException.class)
                    .satisfies(e -> assertThat(((ScorelineException) e).code()).isEqualTo(ErrorCode.UNKNOWN_ADJUSTMENT))
                    .hasMessageContaining("no adjustment #" + b.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void pendingUntilARunAppliesThemAndARemovedOneIsThenForgotten(String db) {
        try (ScoreStore store = store(db)) {
            ScoreAdjustments adjustments = store.adjustments();
            Adjustment a = adjustments.add(LEAD, C1, BigDecimal.TEN, "call went well", "alice", null);
            ScoreAdjustments.Changes first = adjustments.pending(List.of(LEAD));
            assertThat(first.made()).containsExactly(a);
            assertThat(first.records()).containsExactly(C1);
            assertThat(adjustments.pending(List.of("Other score")).isEmpty()).isTrue();

            adjustments.remove(a.id());
            Adjustment later = adjustments.add(LEAD, C1, BigDecimal.ONE, "one more", "bob", null);
            // The run read its changes before these two: applying them leaves the later ones pending.
            adjustments.applied(first);
            ScoreAdjustments.Changes second = adjustments.pending(List.of(LEAD));
            assertThat(second.made()).containsExactly(later);
            assertThat(second.removed()).containsExactly(a);

            adjustments.applied(second);
            assertThat(adjustments.pending(List.of(LEAD)).isEmpty()).isTrue();
            assertThat(adjustments.list(null)).containsExactly(later);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {StoreDatabases.H2, StoreDatabases.POSTGRESQL})
    void anUnknownScoreNamesTheNearestAndAnUnscoredRecordIsRefused(String db) {
        try (ScoreStore store = store(db)) {
            assertThatThrownBy(() -> store.adjustments().add("Lead scor", C1, BigDecimal.ONE, "x", "alice", null))
                    .isInstanceOf(ScorelineException.class)
                    .satisfies(e -> assertThat(((ScorelineException) e).code()).isEqualTo(ErrorCode.UNKNOWN_SCORE))
                    .hasMessage("no score named \"Lead scor\" in the store")
                    .satisfies(e -> assertThat(((ScorelineException) e).fix()).startsWith("did you mean \"Lead score\"?"));
            assertThatThrownBy(() -> store.adjustments().add(LEAD, RecordKey.parse("contact:c9"), BigDecimal.ONE, "x",
                    "alice", null))
                    .isInstanceOf(ScorelineException.class)
                    .satisfies(e -> assertThat(((ScorelineException) e).code()).isEqualTo(ErrorCode.UNKNOWN_RECORD))
                    .hasMessage("the store holds no value of \"Lead score\" for contact:c9");
            assertThat(store.adjustments().list(null)).isEmpty();
        }
    }
}
