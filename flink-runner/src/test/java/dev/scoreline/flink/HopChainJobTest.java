package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.engine.RecordScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores that read, through an association, scores that themselves read associations: the job
 * adds a hop stage per further association and gives the one-JVM run's results record by record,
 * at parallelism 1 and 2. Without the hop stages a deal's priority would read its company's
 * account score evaluated without the company's contacts.
 */
class HopChainJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    /** Lead on contact, the company's account health averaging its contacts' leads, the deal's priority reading it. */
    static final String CHAIN = """
            score "Lead" on contact
              type engagement
              group "Activity"
                decay 50% every 1 month
                add 10 for each visit
                add 5 for each visit where page starts with "/pricing" in the last 20 days

            score "Account" on company
              type health
              group "Contacts" limit 70
                add value of score "Lead" on associated contact aggregate average limit 50
                add 6 if status "Lead" is "Low" on associated contact
              group "Own" limit 30
                add 10 if tier is "gold"

            score "Priority" on deal
              type fit
              group "Account"
                add value of score "Account" times 0.5 on associated company aggregate max
                add 5 if score "Account" >= 30 on associated company
                add value of amount times 0.001 limit 20
            """;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aChainOfTwoHopsScoresAsOneJvm(int parallelism, @TempDir Path tmp) throws Exception {
        RuleTexts rules = RuleTexts.of("chain.score", CHAIN);
        assertThat(RecordScorer.create(rules.compile(), DataProblems.IGNORE).hopStages()).isEqualTo(1);
        Path data = Files.createDirectories(tmp.resolve("data"));
        write(new Random(11), data);
        List<String> expected = assertJobScoresAsOneJvm(rules, data, parallelism, tmp);
        // The deals' priority reads accounts that read their contacts' leads: some of it must come through.
        assertThat(expected).anyMatch(l -> l.contains("\"priority\"") && !l.contains("\"priority\":0,"));
    }

    /**
     * Random chains three and four associations long (two, the chain above) over random data, each
     * at parallelism 1 and 2.
     */
    @ParameterizedTest(name = "seed {0}, parallelism {1}")
    @CsvSource({"1, 1", "1, 2", "2, 1", "2, 2"})
    void randomChainsScoreAsOneJvm(long seed, int parallelism, @TempDir Path tmp) throws Exception {
        Random r = new Random(seed);
        int depth = 2 + (int) seed;
        RuleTexts rules = RuleTexts.of("random-chain.score", RandomChain.definitions(r, depth));
        assertThat(RecordScorer.create(rules.compile(), DataProblems.IGNORE).hopStages()).isEqualTo(depth - 1);
        Path data = Files.createDirectories(tmp.resolve("data"));
        write(r, data);
        assertJobScoresAsOneJvm(rules, data, parallelism, tmp);
    }

    private static List<String> assertJobScoresAsOneJvm(RuleTexts rules, Path data, int parallelism, Path tmp)
            throws Exception {
        List<String> expected = Cases.oneJvm(rules, data, AS_OF, tmp);
        assertThat(expected).hasSizeGreaterThan(100);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        env.setParallelism(parallelism);
        Path out = tmp.resolve("out");
        BatchScoringJob.build(env, rules, DataFolder.jsonl(data), AS_OF, SinkTarget.jsonlFolder(out));
        env.execute("hops");
        assertThat(Cases.sortedLines(Cases.filesIn(out))).isEqualTo(expected);
        return expected;
    }

    /**
     * Contacts, companies and deals, each type associated with both others (both ways, some
     * labeled, some to records not in the data, one with itself), in lists or not, with events on
     * contacts and deals.
     */
    static void write(Random r, Path dir) throws IOException {
        int[] counts = {150, 40, 80};
        String[] types = RandomChain.TYPES;
        List<String> records = new ArrayList<>();
        for (int t = 0; t < types.length; t++) {
            for (int i = 0; i < counts[t]; i++) {
                String lists = r.nextInt(3) == 0 ? "" : "\"Customers\"";
                records.add("{\"type\": \"" + types[t] + "\", \"id\": \"" + RandomChain.PREFIXES[t] + i + "\", \"properties\": {"
                        + "\"role\": \"" + (r.nextBoolean() ? "buyer" : "user") + "\", \"tier\": \""
                        + (r.nextBoolean() ? "gold" : "silver") + "\", \"amount\": " + r.nextInt(30_000) + "},"
                        + " \"lists\": [" + lists + "]}");
            }
        }
        List<String> events = new ArrayList<>();
        for (int e = 0; e < 1500; e++) {
            int t = r.nextBoolean() ? 0 : 2;
            String owner = types[t] + ":" + RandomChain.PREFIXES[t] + r.nextInt(counts[t] + 3); // a few not in the data
            String page = r.nextInt(3) == 0 ? "/pricing/" + r.nextInt(4) : "/blog";
            Instant at = AS_OF.minus(Duration.ofHours(r.nextInt(24 * 90) - 24));
            events.add("{\"record\": \"" + owner + "\", \"type\": \"" + (r.nextBoolean() ? "visit" : "reply")
                    + "\", \"at\": \"" + at + "\", \"properties\": {\"page\": \"" + page + "\"}}");
        }
        List<String> associations = new ArrayList<>();
        for (int a = 0; a < types.length; a++) {
            for (int b = a + 1; b < types.length; b++) {
                for (int i = 0; i < counts[a] + 2; i++) {
                    for (int k = r.nextInt(3); k > 0; k--) {
                        String from = types[a] + ":" + RandomChain.PREFIXES[a] + i;
                        String to = types[b] + ":" + RandomChain.PREFIXES[b] + r.nextInt(counts[b] + 2);
                        String labels = r.nextInt(3) == 0 ? ", \"labels\": [\"champion\"]" : "";
                        associations.add(r.nextBoolean()
                                ? "{\"from\": \"" + from + "\", \"to\": \"" + to + "\"" + labels + "}"
                                : "{\"from\": \"" + to + "\", \"to\": \"" + from + "\"" + labels + "}");
                    }
                }
            }
        }
        associations.add("{\"from\": \"company:a1\", \"to\": \"company:a1\"}");
        Files.write(dir.resolve("records.jsonl"), records, StandardCharsets.UTF_8);
        Files.write(dir.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
        Files.write(dir.resolve("associations.jsonl"), associations, StandardCharsets.UTF_8);
    }
}
