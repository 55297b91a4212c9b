package dev.scoreline.runtime.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.testkit.TestUpdates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox and the store's delivery log keep updates as {@link UpdateCodec} lines: they must come back equal. */
class UpdateCodecTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aLeftScopeUpdateRoundTripsWithItsPreviousValueAndProperties() {
        ScoreUpdate plain = ScoreUpdate.leftScope("Lead score", RecordKey.parse("contact:c1"), null,
                new BigDecimal("42.50"), "High", AT, "list \"Leads\" removed");
        ScoreUpdate combined = ScoreUpdate.leftScope("Quality", RecordKey.parse("contact:c2"),
                ScoreProperties.of("quality", "quality_tier", true), new BigDecimal("80"), "A1", AT, "left scope");
        ScoreUpdate valued = TestUpdates.update("Lead score", "contact:c3", "10", "Low").previous("5", "Low").build();
        List<ScoreUpdate> all = List.of(plain, combined, valued);

        List<ScoreUpdate> back = UpdateCodec.decodeAll(UpdateCodec.encodeAll(all));

        assertThat(back).containsExactlyElementsOf(all);
        assertThat(back.get(0).leftScope()).isTrue();
        assertThat(back.get(0).cause()).isEqualTo("left scope: list \"Leads\" removed");
        assertThat(back.get(1).result().isCombined()).isTrue();
        assertThat(back.get(1).result().properties().names()).containsExactly("quality", "quality_tier",
                "quality_engagement", "quality_fit");
        assertThat(back.get(2).leftScope()).isFalse();
    }
}
