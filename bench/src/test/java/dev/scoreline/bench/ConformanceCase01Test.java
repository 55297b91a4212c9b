package dev.scoreline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written evaluator reproduces conformance case 01 (the lead score's worked example). */
class ConformanceCase01Test {

    static Path caseDir() throws URISyntaxException {
        return Path.of(ConformanceCase01Test.class.getResource("/conformance/cases/01-lead-worked-example").toURI());
    }

    @Test
    void leadScenarioStartsWithTheCaseScoreUnchanged() throws Exception {
        String caseScore = Files.readString(caseDir().resolve("lead.score"));
        String body = caseScore.substring(caseScore.indexOf("score \"Lead score\""));
        assertThat(Scenario.LEAD.scoreText()).contains(body.strip());
    }

    @Test
    void handWrittenEvaluatorReproducesTheExpectedOutput() throws Exception {
        Path dir = caseDir();
        DataSet data = new DataSetReader().read(dir.resolve("data"));
        Instant asOf = Instant.parse(Files.readString(dir.resolve("as-of")).trim());
        ScoredSummary s = new HandWrittenEvaluator(1).score(Scenario.LEAD, data, asOf);
        ScoredSummary.Values lead = s.values("Lead score");
        Table contacts = data.table("contact");
        List<String> lines = Files.readAllLines(dir.resolve("expect.jsonl"));
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (String line : lines) {
            if (line.isBlank()) continue;
            JsonNode e = json.readTree(line);
            int i = contacts.indexOf(e.get("record").asText().substring("contact:".length()));
            assertThat(lead.value[i]).as(line).isCloseTo(e.get("value").asDouble(), org.assertj.core.data.Offset.offset(0.005));
            assertThat(lead.status[i]).as(line).isEqualTo(e.get("status").asText());
            assertThat(lead.groups[0][i]).as(line).isCloseTo(e.get("groups").get("Sales engagement").asDouble(), org.assertj.core.data.Offset.offset(0.005));
            assertThat(lead.groups[1][i]).as(line).isCloseTo(e.get("groups").get("Marketing engagement").asDouble(), org.assertj.core.data.Offset.offset(0.005));
            checked++;
        }
        assertThat(checked).isEqualTo(4);
        assertThat(lead.scored()).isEqualTo(4);
    }
}
