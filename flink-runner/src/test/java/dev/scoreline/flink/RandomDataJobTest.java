package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random data with what a load must decide (duplicate records, associations both ways, with
 * itself and to records not in the data, events of unknown records, numbers that are not)
 * through the batch job gives the one-JVM run's results. Scores read associated records' events
 * and properties, decays, timeframes and lists, so the summaries must carry all of them.
 */
class RandomDataJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final String SCORES = """
            score "Lead" on contact
              type health
              include lists "Customers", "Trial"
              exclude lists "Churned"
              group "Activity" limit 50
                decay 50% every 1 month
                add 10 for each visit
                add 5 for each visit where page starts with "/pricing" in the last 20 days
                add 7 if reply occurs at least 2 times in the last 45 days
              group "Fit" limit 50
                add 3 if role is "buyer"
                add 2 if in list "VIP"
                add 1 if seats > 10

            score "Account" on company
              type health
              group "Contacts" limit 60
                decay 25% every 1 month
                add 2 for each visit on associated contact labeled "Champion"
                add 4 if role is "buyer" on associated contact aggregate sum
                add 3 if reply occurs at least 2 times in the last 10 days on associated contact
                add 1 for each visit where page starts with "/pricing" in the last 15 days on associated contact aggregate max
              group "Own" limit 40
                add 10 if tier is "gold"
                subtract 5 if renewal is in the last 30 days
            """;

    static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomFolderScoresAsOneJvm(long seed, @TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        write(new Random(seed), data);
        assertJobScoresAsOneJvm(DataFolder.jsonl(data), tmp, "random " + seed);
    }

    /** The csv adapter's folder (lists given apart in lists.csv, values as text) through the job. */
    @org.junit.jupiter.api.Test
    void csvFolderScoresAsOneJvm(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("csv"));
        writeCsv(new Random(7), data);
        assertJobScoresAsOneJvm(DataFolder.csv(data), tmp, "random csv");
    }

    private static void assertJobScoresAsOneJvm(DataFolder data, Path tmp, String name) throws Exception {
        RuleTexts rules = RuleTexts.of("random.score", SCORES);
        List<String> expected = Cases.oneJvm(rules, data, AS_OF, tmp);
        assertThat(expected).hasSizeGreaterThan(100);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        env.setParallelism(2);
        Path out = tmp.resolve("out");
        BatchScoringJob.build(env, rules, data, AS_OF, SinkTarget.jsonlFolder(out));
        env.execute(name);
        assertThat(Cases.sortedLines(Cases.filesIn(out))).isEqualTo(expected);
    }

    /** The same kind of data as csv exports: a file per type, events, associations and lists apart. */
    private static void writeCsv(Random r, Path dir) throws IOException {
        List<String> contacts = new ArrayList<>(List.of("id,role,seats"));
        List<String> members = new ArrayList<>(List.of("list,record"));
        String[] lists = {"Customers", "Trial", "Churned", "VIP"};
        for (int i = 0; i < 300; i++) {
            contacts.add("c" + i + "," + (r.nextBoolean() ? "buyer" : "user") + "," + (r.nextInt(5) == 0 ? "many" : r.nextInt(30)));
            if (r.nextInt(20) == 0) {
                contacts.add("c" + i + ",buyer,"); // a duplicate: the later one is kept
            }
            for (String l : lists) {
                if (r.nextInt(3) == 0) {
                    members.add(l + ",contact:c" + i);
                }
            }
        }
        members.add("VIP,contact:c999"); // a membership of a record not in the data
        List<String> companies = new ArrayList<>(List.of("id,tier,renewal"));
        for (int i = 0; i < 60; i++) {
            companies.add("a" + i + "," + (r.nextBoolean() ? "gold" : "silver") + ","
                    + AS_OF.minus(Duration.ofDays(r.nextInt(90) - 30)));
        }
        List<String> events = new ArrayList<>(List.of("record,type,at,prop.page"));
        for (int e = 0; e < 3000; e++) {
            events.add("contact:c" + r.nextInt(305) + "," + (r.nextBoolean() ? "visit" : "reply") + ","
                    + AS_OF.minus(Duration.ofHours(r.nextInt(24 * 120) - 24)) + ","
                    + (r.nextInt(3) == 0 ? "/pricing/" + r.nextInt(4) : "/blog"));
        }
        List<String> associations = new ArrayList<>(List.of("from,to,labels"));
        for (int c = 0; c < 303; c++) {
            for (int k = r.nextInt(3); k > 0; k--) {
                associations.add("company:a" + r.nextInt(62) + ",contact:c" + c + "," + (r.nextInt(3) == 0 ? "Champion" : ""));
            }
        }
        Files.write(dir.resolve("contact.csv"), contacts, StandardCharsets.UTF_8);
        Files.write(dir.resolve("company.csv"), companies, StandardCharsets.UTF_8);
        Files.write(dir.resolve("lists.csv"), members, StandardCharsets.UTF_8);
        Files.write(dir.resolve("events.csv"), events, StandardCharsets.UTF_8);
        Files.write(dir.resolve("associations.csv"), associations, StandardCharsets.UTF_8);
    }

    private static void write(Random r, Path dir) throws IOException {
        int contacts = 300;
        int companies = 60;
        List<String> records = new ArrayList<>();
        String[] lists = {"Customers", "Trial", "Churned", "VIP"};
        for (int i = 0; i < contacts; i++) {
            StringBuilder in = new StringBuilder();
            for (String l : lists) {
                if (r.nextInt(3) == 0) {
                    in.append(in.length() == 0 ? "" : ", ").append('"').append(l).append('"');
                }
            }
            String seats = r.nextInt(5) == 0 ? "\"many\"" : String.valueOf(r.nextInt(30));
            records.add("{\"type\": \"contact\", \"id\": \"c" + i + "\", \"properties\": {\"role\": \""
                    + (r.nextBoolean() ? "buyer" : "user") + "\", \"seats\": " + seats + "}, \"lists\": [" + in + "]}");
            if (r.nextInt(20) == 0) { // a duplicate: the later one is kept
                records.add("{\"type\": \"contact\", \"id\": \"c" + i + "\", \"properties\": {\"role\": \"buyer\"},"
                        + " \"lists\": [\"Customers\"]}");
            }
        }
        for (int i = 0; i < companies; i++) {
            Instant renewal = AS_OF.minus(Duration.ofDays(r.nextInt(90) - 30));
            records.add("{\"type\": \"company\", \"id\": \"a" + i + "\", \"properties\": {\"tier\": \""
                    + (r.nextBoolean() ? "gold" : "silver") + "\", \"renewal\": \"" + renewal + "\"}}");
        }
        List<String> events = new ArrayList<>();
        for (int e = 0; e < 3000; e++) {
            int owner = r.nextInt(contacts + 5); // a few name contacts not in the data
            String type = r.nextBoolean() ? "visit" : "reply";
            String page = r.nextInt(3) == 0 ? "/pricing/" + r.nextInt(4) : "/blog";
            Instant at = AS_OF.minus(Duration.ofHours(r.nextInt(24 * 120) - 24));
            events.add("{\"record\": \"contact:c" + owner + "\", \"type\": \"" + type + "\", \"at\": \"" + at
                    + "\", \"properties\": {\"page\": \"" + page + "\"}}");
        }
        List<String> associations = new ArrayList<>();
        for (int c = 0; c < contacts + 3; c++) {
            int links = r.nextInt(3);
            for (int k = 0; k < links; k++) {
                String company = "company:a" + r.nextInt(companies + 2);
                String contact = "contact:c" + c;
                String labels = r.nextInt(3) == 0 ? ", \"labels\": [\"champion\"]" : "";
                associations.add(r.nextBoolean()
                        ? "{\"from\": \"" + company + "\", \"to\": \"" + contact + "\"" + labels + "}"
                        : "{\"from\": \"" + contact + "\", \"to\": \"" + company + "\"" + labels + "}");
            }
        }
        associations.add("{\"from\": \"company:a1\", \"to\": \"company:a1\"}");
        Files.write(dir.resolve("records.jsonl"), records, StandardCharsets.UTF_8);
        Files.write(dir.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
        Files.write(dir.resolve("associations.jsonl"), associations, StandardCharsets.UTF_8);
    }
}
