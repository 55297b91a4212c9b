package dev.scoreline.engine;

import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/embedding.md, compiled and run; the test fails when the two drift apart. */
class EmbeddingExampleTest {

    @Test
    void aHostWiresItsOwnAdapterAndSink(@TempDir Path outbox) {
        // docs:begin
        List<ScoreUpdate> received = new ArrayList<>();
        CrmAdapter crm = new CrmAdapter() {
            public String name() { return "my-crm"; }
            public Stream<CrmRecord> records() {
                return Stream.of(new CrmRecord(RecordKey.parse("contact:c1"), Map.of("jobtitle", "CTO")));
            }
            public Stream<CrmEvent> events() {
                return Stream.of(new CrmEvent(RecordKey.parse("contact:c1"), "meeting_booked",
                        Instant.parse("2026-02-26T00:00:00Z"), Map.of()));
            }
        };
        ScoreSink mySink = new ScoreSink() {
            public String name() { return "my-sink"; }
            public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
        };
        Scoreline scoreline = Scoreline.builder()
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(mySink))
                .rules("lead.score", """
                        score "Lead" on contact
                          type health
                          group "Sales" limit 100
                            add 10 for each meeting_booked
                            add 5 if jobtitle is any of "CTO", "CEO"
                        """)
                .asOf(Instant.parse("2026-03-01T00:00:00Z"))
                .outbox(outbox)
                .build();
        RunReport report = scoreline.run();
        // docs:end
        assertThat(report.results()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.result().value()).isEqualByComparingTo("15");
            assertThat(u.result().status()).isEqualTo("At risk");
        });
    }

    @Test
    void theDocsShowThisExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/scoreline/engine/EmbeddingExampleTest.java"),
                StandardCharsets.UTF_8);
        String region = source.substring(source.indexOf("// docs:begin") + 14, source.indexOf("        // docs:end"));
        int indent = region.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        String example = String.join("\n", region.lines().map(l -> l.isBlank() ? "" : l.substring(indent)).toList())
                .strip();
        String docs = Files.readString(Path.of("../docs/embedding.md"), StandardCharsets.UTF_8);
        assertThat(docs).as("docs/embedding.md shows the example of this test").contains(example);
    }
}
