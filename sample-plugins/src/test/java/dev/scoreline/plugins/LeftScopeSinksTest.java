package dev.scoreline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.console.ConsoleSink;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.plugins.webhook.WebhookSink;
import dev.scoreline.testkit.SinkTestKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each sample sink makes of a record that left a score's scope: a cleared value, not an error. */
class LeftScopeSinksTest {

    /** A combined score's record left its scope: it had 80 A1. */
    private static final ScoreUpdate LEFT = ScoreUpdate.leftScope("Combined", RecordKey.parse("contact:c1"),
            ScoreProperties.of("quality", "quality_tier", true), new BigDecimal("80"), "A1",
            Instant.parse("2026-03-01T00:00:00Z"), "list \"Leads\" removed");

    @Test
    void theUpdateSaysLeftScopeWithThePreviousValue() {
        assertThat(LEFT.leftScope()).isTrue();
        assertThat(LEFT.cause()).isEqualTo("left scope: list \"Leads\" removed");
        assertThat(LEFT.valueChanged()).isTrue();
        assertThat(LEFT.statusChanged()).isTrue();
        assertThat(LEFT.result().propertyValues()).containsOnlyKeys("quality", "quality_tier", "quality_engagement",
                "quality_fit").containsValues((Object) null);
    }

    @Test
    void jsonlWritesNullValueStatusAndProperties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.jsonl");
        SinkTestKit.drive(new JsonlSink(file), List.of(List.of(LEFT)));
        JsonNode n = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
        assertThat(n.get("value").isNull()).isTrue();
        assertThat(n.get("status").isNull()).isTrue();
        assertThat(n.get("engagement").isNull()).isTrue();
        assertThat(n.get("previousValue").decimalValue()).isEqualByComparingTo("80");
        assertThat(n.get("previousStatus").asText()).isEqualTo("A1");
        assertThat(n.get("cause").asText()).startsWith("left scope");
        assertThat(n.get("properties").toString())
                .isEqualTo("{\"quality\":null,\"quality_tier\":null,\"quality_engagement\":null,\"quality_fit\":null}");
    }

    @Test
    void csvWritesEmptyValueAndStatus(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scores.csv");
        SinkTestKit.drive(new CsvSink(file), List.of(List.of(LEFT)));
        assertThat(Files.readAllLines(file).get(1)).startsWith("Combined,contact:c1,,,,,{},80,A1,2026-03-01T00:00:00Z,")
                .contains("left scope: list \"\"Leads\"\" removed");
    }

    @Test
    void consolePrintsNoValueAndWhatItWas() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).write(List.of(LEFT));
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Combined  contact:c1  (no value)  (was 80 A1)  left scope: list \"Leads\" removed");
    }

    @Test
    void webhookSendsOneLeftScopeNotification() {
        WebhookSink webhook = WebhookSink.to(URI.create("http://127.0.0.1:9/hook")).build();
        List<Map<String, Object>> sent = webhook.notifications(LEFT);
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("kind", "left_scope").containsEntry("value", null).containsEntry("status", null)
                    .containsEntry("previousValue", new BigDecimal("80")).containsEntry("previousStatus", "A1");
            assertThat(n.get("id")).isNotNull();
        });
    }
}
