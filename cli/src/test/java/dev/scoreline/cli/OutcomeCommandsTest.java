package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backtest and suggest through the command line, on a small jsonl folder whose VP contacts convert more. */
class OutcomeCommandsTest {

    private static final String START = "lifecycle_change where to is \"lead\"";
    private static final String END = "lifecycle_change where to is \"marketingqualifiedlead\"";

    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder records = new StringBuilder(), events = new StringBuilder();
        SplittableRandom r = new SplittableRandom(3);
        long now = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli(), day = 86_400_000L;
        for (int i = 0; i < 400; i++) {
            boolean vp = r.nextInt(4) == 0;
            records.append("{\"type\":\"contact\",\"id\":\"c").append(i).append("\",\"properties\":{\"jobtitle\":\"")
                    .append(vp ? "VP Sales" : "Engineer").append("\"}}\n");
            event(events, i, now - 400 * day, "lead");
            if (r.nextDouble() < (vp ? 0.6 : 0.1)) {
                event(events, i, now - r.nextLong(300) * day, "marketingqualifiedlead");
            }
        }
        Files.writeString(data.resolve("records.jsonl"), records, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.score"), "score \"Titles <a&b>\" on contact\n  type fit\n  group \"T\"\n"
                + "    add 80 if jobtitle contains \"vp\"\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.score"), "score \"Flat\" on contact\n  type fit\n  group \"T\"\n"
                + "    add 10 if jobtitle is known\n", StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder out, int i, long at, String to) {
        out.append("{\"record\":\"contact:c").append(i).append("\",\"type\":\"lifecycle_change\",\"at\":\"")
                .append(Instant.ofEpochMilli(at)).append("\",\"properties\":{\"to\":\"").append(to).append("\"}}\n");
    }

    private CliRunner backtest(String... more) {
        return backtestTo(END, more);
    }

    private CliRunner backtestTo(String end, String... more) {
        String[] base = {"backtest", "--rules", dir.resolve("a.score") + "," + dir.resolve("b.score"),
                "--data", dir.resolve("data").toString(), "--as-of", "2026-03-01", "--start", START, "--end", end,
                "--within", "30d"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.run(args);
    }

    @Test
    void backtestsTwoScoresSideBySideInTextJsonAndHtml() throws IOException {
        CliRunner text = backtest();
        assertThat(text.exit()).as(text.err()).isEqualTo(Main.OK);
        assertThat(text.out()).contains("Score \"Titles <a&b>\": AUC ", "Score \"Flat\": AUC 0.50", "decile",
                "properties are as the data holds them now");
        CliRunner json = backtest("--json", "--html", dir.resolve("b.html").toString());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("scores")).hasSize(2);
        assertThat(root.get("scores").get(0).get("auc").asDouble()).isGreaterThan(0.7);
        assertThat(root.get("snapshots").size()).isGreaterThan(6);
        String html = Files.readString(dir.resolve("b.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Titles &lt;a&amp;b&gt;", "<svg").doesNotContain("Titles <a&b>");
    }

    @Test
    void suggestRefusesTooFewExamplesSayingTheCounts() {
        CliRunner r = CliRunner.run("suggest", "--type", "contact", "--data", dir.resolve("data").toString(),
                "--as-of", "2026-03-01", "--start", START, "--end", END, "--within", "1d", "--every", "200",
                "--out", dir.resolve("s.score").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error[SL806]: ", "examples over", "converted and", "at least 50 examples");
        assertThat(dir.resolve("s.score")).doesNotExist();
    }

    @Test
    void aBadEventIsOneCodedLine() {
        CliRunner r = backtestTo("lifecycle_change where to is");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error[SL509]: --end \"lifecycle_change where to is\" column ")
                .contains("fix: write the event as in a rule");
    }
}
