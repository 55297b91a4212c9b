package dev.scoreline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScorelineModule;
import dev.scoreline.testkit.FlakySink;
import dev.scoreline.testkit.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's outbox, set per sink by a host or a config file's sink entry. */
class SinkOutboxTest {

    @Test
    void theWaitBetweenTriesIsJitteredBetweenHalfTheBackoffAndAllOfIt() {
        SinkOutbox outbox = SinkOutbox.DEFAULT.withBackoff(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(30));
        java.util.Set<Long> waits = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            long wait = outbox.jitteredBackoff(2).toMillis();   // backoff(2) is 400 ms
            assertThat(wait).isBetween(200L, 400L);
            waits.add(wait);
        }
        assertThat(waits).hasSizeGreaterThan(20);   // spread out, not one fixed wait
    }

    @Test
    void aSinkEntrysOutboxSettingsAreTheRuntimesForAnySink() {
        SinkOutbox outbox = SinkOutbox.fromSettings("jsonl", Map.of("outbox", "state/j.outbox", "attempts", 5,
                "backoff", "50ms", "file", "ignored: the plugin's"));
        assertThat(outbox.file()).isEqualTo(Path.of("state/j.outbox"));
        assertThat(outbox.attempts()).isEqualTo(5);
        assertThat(outbox.backoff(1)).hasMillis(50);
        assertThat(outbox.backoff(3)).hasMillis(200);
        assertThat(SinkOutbox.fromSettings("csv", Map.of())).isEqualTo(SinkOutbox.DEFAULT);
        assertThat(SinkOutbox.DEFAULT.fileIn(Path.of("out"), "csv")).isEqualTo(Path.of("out", "csv.outbox"));
        assertThatThrownBy(() -> SinkOutbox.fromSettings("jsonl", Map.of("attempts", 0)))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessage("sink \"jsonl\": setting \"attempts\" must be a whole number from 1 to 100, got 0");
    }

    @Test
    void aSinkThatIsDownKeepsTheRunsUpdatesInTheOutboxTheHostChose(@TempDir Path dir) {
        CrmAdapter crm = new CrmAdapter() {
            public String name() { return "crm"; }
            public Stream<CrmRecord> records() {
                return Stream.of(new CrmRecord(RecordKey.parse("contact:c1"), Map.of("jobtitle", "CTO")),
                        new CrmRecord(RecordKey.parse("contact:c2"), Map.of()));
            }
        };
        FlakySink down = FlakySink.failing(n -> true, new RecordingSink("crm-sink"));
        Path file = dir.resolve("state/crm.outbox");
        String rules = """
                score "Lead" on contact
                  type health
                  group "Fit" limit 100
                    add 5 if jobtitle is any of "CTO", "CEO"
                """;
        RunReport report = Scoreline.builder()
                .install(ScorelineModule.adapter(crm), ScorelineModule.sink("crm", down))
                .rules("lead.score", rules)
                .asOf(Instant.parse("2026-03-01T00:00:00Z"))
                .outbox(dir.resolve("outbox"))
                .outbox("crm", SinkOutbox.DEFAULT.withFile(file).withAttempts(2)
                        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)))
                .build().run();

        assertThat(report.kept()).isEqualTo(2);
        assertThat(down.failures()).isGreaterThanOrEqualTo(2);
        assertThat(file).exists();
        assertThat(dir.resolve("outbox/crm.outbox")).doesNotExist();

        RecordingSink back = new RecordingSink("crm-sink");
        RunReport next = Scoreline.builder()
                .install(ScorelineModule.adapter(crm), ScorelineModule.sink("crm", back))
                .rules("lead.score", rules)
                .asOf(Instant.parse("2026-03-01T00:00:00Z"))
                .outbox("crm", SinkOutbox.DEFAULT.withFile(file))
                .build().run();
        assertThat(next.kept()).isZero();
        assertThat(back.received()).hasSize(4);   // the two the last run kept, first, then this run's two
        assertThat(back.received().subList(0, 2)).isEqualTo(back.received().subList(2, 4));
    }
}
