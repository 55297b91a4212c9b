package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scoreline init}: every template passes check, scores the quickstart, and is never written over a file. */
class InitCommandTest {

    private static final Path QUICKSTART_DATA = Path.of("../examples/quickstart/data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The template written by {@code init} into {@code dir}, after checking what init printed. */
    private Path init(String template) {
        CliRunner r = CliRunner.run("init", template, dir.toString());
        Path written = dir.resolve(template + ".score");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("wrote " + written, "scoreline check " + written, "scoreline preview --rules " + written);
        return written;
    }

    /** The template's results on the quickstart data, by record key. */
    private Map<String, JsonNode> scoreQuickstart(Path rules) throws IOException {
        Path out = dir.resolve("out.jsonl");
        CliRunner r = CliRunner.run("score", "--rules", rules.toString(), "--data", QUICKSTART_DATA.toString(),
                "--as-of", "2026-03-01", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.err()).contains("0 out of scope", "0 bad lines");
        Map<String, JsonNode> byRecord = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = JSON.readTree(line);
            byRecord.put(n.get("record").asText(), n);
        }
        return byRecord;
    }

    /** The keys ("deal:d001") of the quickstart's records of one object type, read from the data file. */
    private static Set<String> quickstartRecords(String type, String property, String value) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(QUICKSTART_DATA.resolve("records.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.get("type").asText().equals(type)
                    && (property == null || value.equals(n.path("properties").path(property).asText()))) {
                keys.add(type + ":" + n.get("id").asText());
            }
        }
        return keys;
    }

    private static ScoreDefinition definition(Path file) throws IOException {
        ParseResult parsed = ScoreParser.parse(file.toString(), Files.readString(file));
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.definitions()).hasSize(1);
        return parsed.definitions().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "combined", "deal", "health"})
    void everyTemplatePassesCheckAndScoresEveryQuickstartRecordOfItsType(String template) throws IOException {
        Path file = init(template);
        CliRunner check = CliRunner.run("check", file.toString());
        assertThat(check.exit()).as(check.err()).isEqualTo(Main.OK);
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).isEqualTo("1 file, 0 problems\n");

        ScoreDefinition def = definition(file);
        Map<String, JsonNode> results = scoreQuickstart(file);
        assertThat(results.keySet()).isEqualTo(quickstartRecords(def.objectType(), null, null));
        for (JsonNode n : results.values()) {
            assertThat(n.get("score").asText()).isEqualTo(def.name());
            assertThat(n.get("value").isNumber()).as(n.toString()).isTrue();
            assertThat(n.get("status").asText()).as(n.toString()).isNotBlank();
        }
        // a template that gives every record the same status shows a business user nothing
        assertThat(results.values().stream().map(n -> n.get("status").asText()).distinct().count())
                .as("statuses of %s", template).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "combined", "deal", "health"})
    void everyRuleHasACommentRightAboveIt(String template) throws IOException {
        Path file = init(template);
        List<String> lines = Files.readAllLines(file);
        List<Integer> uncommented = new ArrayList<>();
        for (Group g : definition(file).groups()) {
            for (Rule rule : g.rules()) {
                int line = rule.position().line();
                if (line < 2 || !lines.get(line - 2).strip().startsWith("#")) {
                    uncommented.add(line);
                }
            }
        }
        assertThat(uncommented).as("rule lines of %s without a comment above", template).isEmpty();
    }

    /** In canonical form, so a user's first {@code fmt --write} changes nothing and no comment moves. */
    @ParameterizedTest
    @ValueSource(strings = {"lead", "combined", "deal", "health"})
    void everyTemplateIsInCanonicalForm(String template) throws IOException {
        Path file = init(template);
        CliRunner fmt = CliRunner.run("fmt", file.toString());
        assertThat(fmt.exit()).as(fmt.err()).isEqualTo(Main.OK);
        assertThat(fmt.out()).isEqualTo(Files.readString(file));
    }

    @Test
    void theHealthTemplateIsThePredefinedGroupsWithLimitsAddingTo100() throws IOException {
        ScoreDefinition health = definition(init("health"));
        assertThat(health.groups()).extracting(Group::name).containsExactly(
                "1:1 engagement", "1:1 call engagement", "Supported tickets", "CSM sentiment", "NPS");
        assertThat(health.groups().stream().map(Group::limit).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        for (JsonNode n : scoreQuickstart(dir.resolve("health.score")).values()) {
            assertThat(n.get("value").decimalValue()).as(n.toString()).isBetween(BigDecimal.ZERO, new BigDecimal(100));
            assertThat(n.get("groups").size()).isEqualTo(5);
        }
    }

    @Test
    void theDealTemplatePutsEveryLostDealAtTheBottom() throws IOException {
        Map<String, JsonNode> deals = scoreQuickstart(init("deal"));
        Set<String> lost = quickstartRecords("deal", "dealstage", "closedlost");
        assertThat(lost).isNotEmpty();
        for (String key : lost) {
            assertThat(deals.get(key).get("status").asText()).as(key).isEqualTo("Unlikely");
        }
    }

    @Test
    void theCombinedTemplateGradesLetterThenDigit() throws IOException {
        for (JsonNode n : scoreQuickstart(init("combined")).values()) {
            assertThat(n.get("status").asText()).as(n.toString()).matches("[ABC][123]");
        }
    }

    @Test
    void theLeadTemplateIsAnEngagementScoreThatSomeoneReachesHotOn() throws IOException {
        Path file = init("lead");
        assertThat(definition(file).type()).isEqualTo(dev.scoreline.dsl.model.ScoreType.ENGAGEMENT);
        assertThat(scoreQuickstart(file).values()).anyMatch(n -> n.get("status").asText().equals("Hot"));
    }

    @Test
    void initRefusesToOverwriteAndLeavesTheFileAsItWas() throws IOException {
        Path mine = Files.writeString(dir.resolve("health.score"), "# my own rules\n");
        CliRunner r = CliRunner.run("init", "health", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("error[SL705]: " + mine + " already exists; init does not overwrite it; fix: ");
        assertThat(Files.readString(mine)).isEqualTo("# my own rules\n");
    }

    @Test
    void anUnknownTemplateNamesTheOnesThereAre() {
        CliRunner r = CliRunner.run("init", "helth", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("[SL509]", "unknown template \"helth\"", "lead, combined, deal, health");
        assertThat(dir.resolve("helth.score")).doesNotExist();
    }

    @Test
    void initCreatesAMissingFolder() {
        CliRunner r = CliRunner.run("init", "deal", dir.resolve("rules/new").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
        assertThat(dir.resolve("rules/new/deal.score")).exists();
    }
}
