package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.LiveScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole streaming job on a MiniCluster (one task manager, two slots, parallelism 2, generic
 * types off): a random jsonl folder read through its change feed, both keyed stages and the jsonl
 * sink. The last update of every (score, record) is the live engine's result after the same feed.
 * The scores read nothing of time (no decay, no timeframes), since the job's NOW is the wall clock.
 */
class StreamingScoringJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final String SCORES = """
            score "Lead" on contact
              type health
              include lists "Customers"
              group "Activity" limit 50
                add 10 for each visit
                add 5 for each visit where page starts with "/pricing"
              group "Fit" limit 50
                add 3 if role is "buyer"

            score "Account" on company
              type health
              group "Contacts" limit 60
                add 2 for each visit on associated contact labeled "Champion"
                add 4 if role is "buyer" on associated contact aggregate sum
              group "Own" limit 40
                add 10 if tier is "gold"
            """;

    @Test
    void theLastUpdateOfEveryScoreIsTheLiveEnginesResultAfterTheSameFeed(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("crm"));
        writeRandomFolder(data, new Random(11));
        Path out = tmp.resolve("updates");
        RuleTexts rules = RuleTexts.of("scores.score", SCORES);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        env.setParallelism(2);
        StreamingScoringJob.build(env, rules, DataFolder.jsonl(data), Duration.ofMillis(100), true,
                SinkTarget.jsonlFolder(out));
        env.execute("streaming scores");

        Map<String, String> job = lastUpdates(out);
        Map<String, String> live = liveResults(rules, data);
        assertThat(live).hasSizeGreaterThan(30);
        assertThat(job).isEqualTo(live);
    }

    /** Per (score, record), the last update's value, status and groups (a record's updates are one task's, in order). */
    static Map<String, String> lastUpdates(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> last = new TreeMap<>();
        for (Path f : Cases.filesIn(dir)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode u = json.readTree(line);
                String key = u.get("score").asText() + " " + u.get("record").asText();
                if (u.get("value").isNull()) {
                    last.remove(key);
                } else {
                    last.put(key, u.get("value").decimalValue().stripTrailingZeros().toPlainString() + " "
                            + u.get("status").asText() + " " + new TreeMap<>(json.convertValue(u.get("groups"), Map.class)));
                }
            }
        }
        return last;
    }

    /** The live engine's results after every change of the folder's feed, in the same form. */
    static Map<String, String> liveResults(RuleTexts rules, Path data) {
        CrmAdapter empty = new CrmAdapter() {
            @Override public String name() { return "empty"; }
            @Override public Stream<CrmRecord> records() { return Stream.empty(); }
        };
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        LiveScores live = ScoreEngine.builder().threads(1).build().live(rules.compile(), empty, DataProblems.IGNORE, now);
        JsonlAdapter adapter = new JsonlAdapter(data);
        adapter.open(DataProblems.IGNORE);
        ChangeFeed.Batch feed = adapter.changeFeed().orElseThrow().changesSince(null);
        for (DataChange c : feed.changes()) {
            live.apply(c, now);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, String> results = new TreeMap<>();
        for (ScoreResult r : live.results()) {
            Map<String, Object> groups = new TreeMap<>();
            r.groups().forEach((g, v) -> groups.put(g, json.convertValue(v, Object.class)));
            results.put(r.score() + " " + r.record(), r.value().stripTrailingZeros().toPlainString() + " " + r.status()
                    + " " + groups);
        }
        return results;
    }

    /** 40 contacts, 8 companies, records changed again later in the file, associations, 150 events, a bad line. */
    static void writeRandomFolder(Path dir, Random random) throws IOException {
        List<String> records = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int c = 0; c < 40; c++) {
                records.add("{\"type\":\"contact\",\"id\":\"c" + c + "\",\"properties\":{\"role\":\""
                        + (random.nextBoolean() ? "buyer" : "user") + "\"},\"lists\":["
                        + (random.nextInt(4) > 0 ? "\"Customers\"" : "") + "]}");
            }
            for (int a = 0; a < 8; a++) {
                records.add("{\"type\":\"company\",\"id\":\"a" + a + "\",\"properties\":{\"tier\":\""
                        + (random.nextBoolean() ? "gold" : "silver") + "\"}}");
            }
        }
        List<String> associations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            associations.add("{\"from\":\"company:a" + random.nextInt(9) + "\",\"to\":\"contact:c" + random.nextInt(42)
                    + "\",\"labels\":[" + (random.nextBoolean() ? "\"Champion\"" : "") + "]}");
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add("{\"record\":\"contact:c" + random.nextInt(42) + "\",\"type\":\""
                    + (random.nextInt(3) > 0 ? "visit" : "reply") + "\",\"at\":\"2025-0" + (1 + random.nextInt(9))
                    + "-1" + random.nextInt(10) + "T10:00:00Z\",\"properties\":{\"page\":\""
                    + (random.nextBoolean() ? "/pricing" : "/blog") + "\"}}");
        }
        events.add("not a json line");
        Files.write(dir.resolve("records.jsonl"), records, StandardCharsets.UTF_8);
        Files.write(dir.resolve("associations.jsonl"), associations, StandardCharsets.UTF_8);
        Files.write(dir.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
    }
}
