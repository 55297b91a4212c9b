package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.store.ScoreStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline history KEY} on a store filled through its API, as runs fill it. */
class HistoryCommandTest {

    @TempDir
    Path store;

    private static ScoreResult r(String score, String key, String value, String status) {
        return new ScoreResult(score, RecordKey.parse(key), new BigDecimal(value), status, Map.of(), null, null);
    }

    @BeforeEach
    void fill() {
        try (ScoreStore s = ScoreStore.embedded(store)) {
            s.apply("Lead score", List.of(r("Lead score", "contact:c1", "29", "Low"), r("Lead score", "contact:c2", "50", "Medium")),
                    Instant.parse("2026-01-10T00:00:00Z"), "run-1", x -> "meeting_booked +10, marketing_email_open x2 +4");
            s.apply("Lead score", List.of(r("Lead score", "contact:c1", "72.5", "High")),
                    Instant.parse("2026-03-02T00:00:00Z"), "run-2", x -> "rule \"Demo request\" +20 (event form_submission at 2026-03-01)");
            s.apply("Fit", List.of(r("Fit", "contact:c1", "40", "Medium")),
                    Instant.parse("2026-03-02T00:00:00Z"), "run-2", x -> "jobtitle is \"CTO\"");
        }
    }

    private ScoresCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--store", store.toString()))
                .toArray(String[]::new);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new ScoresCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void printsChangesCausesAndTheMonthlyTrend() {
        ScoresCommandTest.Run h = run("history", "contact:c1", "--score", "Lead score");
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(h.out()).isEqualToNormalizingNewlines("""
                contact:c1, "Lead score": 2 changes
                  2026-01-10T00:00:00Z  (none) → 29 Low  (run run-1)
                      because meeting_booked +10, marketing_email_open x2 +4
                  2026-03-02T00:00:00Z  29 Low → 72.5 High  (run run-2)
                      because rule "Demo request" +20 (event form_submission at 2026-03-01)
                  monthly trend (value at the end of each month, UTC):
                    2026-01  29 Low
                    2026-02  29 Low
                    2026-03  72.5 High
                """);
        ScoresCommandTest.Run all = run("history", "contact:c1");
        assertThat(all.out()).contains("contact:c1, \"Fit\": 1 change").contains("contact:c1, \"Lead score\": 2 changes");
    }

    @Test
    void json() throws Exception {
        ScoresCommandTest.Run h = run("history", "contact:c1", "--json", "--score", "Lead score");
        assertThat(h.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(h.out());
        assertThat(root.get("record").asText()).isEqualTo("contact:c1");
        JsonNode lead = root.get("scores").get(0);
        assertThat(lead.get("score").asText()).isEqualTo("Lead score");
        assertThat(lead.get("changes")).hasSize(2);
        assertThat(lead.get("changes").get(0).get("old").isNull()).isTrue();
        assertThat(lead.get("changes").get(1).get("old").get("value").decimalValue()).isEqualByComparingTo("29");
        assertThat(lead.get("changes").get(1).get("new").get("status").asText()).isEqualTo("High");
        assertThat(lead.get("changes").get(1).get("run").asText()).isEqualTo("run-2");
        assertThat(lead.get("changes").get(1).get("cause").asText()).startsWith("rule \"Demo request\"");
        assertThat(lead.get("trend")).extracting(t -> t.get("month").asText() + "=" + t.get("value").decimalValue().toPlainString())
                .containsExactly("2026-01=29", "2026-02=29", "2026-03=72.5");
    }

    @Test
    void unknownRecordsAndBadKeys() throws Exception {
        ScoresCommandTest.Run none = run("history", "contact:nobody");
        assertThat(none.code()).isZero();
        assertThat(none.out()).contains("no history for contact:nobody");
        JsonNode empty = new ObjectMapper().readTree(run("history", "contact:nobody", "--json").out());
        assertThat(empty.get("scores")).isEmpty();

        ScoresCommandTest.Run bad = run("history", "nocolon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("error[SL509]: a record key is written type:id, got \"nocolon\"");
        assertThat(run("history").code()).isEqualTo(2);
    }
}
