package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline preview}: statuses in threshold order, the HTML page's bars and group averages. */
class PreviewCommandTest {

    private static final Path QUICKSTART = Path.of("../examples/quickstart");

    private static CliRunner preview(String... more) {
        String[] base = {"preview", "--rules", QUICKSTART.resolve("health.score").toString(), "--data",
                QUICKSTART.resolve("data").toString(), "--as-of", "2026-03-01"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.run(args);
    }

    @Test
    void statusesComeInThresholdOrderWithZeroCounts(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/records.jsonl"), "{\"type\":\"contact\",\"id\":\"a\",\"properties\":{}}\n");
        Files.writeString(dir.resolve("data/events.jsonl"), "");
        Files.writeString(dir.resolve("s.score"), """
                score "S" on contact
                  type fit
                  status "Zeta low" from 0
                  status "Alpha mid" from 40
                  status "Beta high" from 70
                  group "G"
                    add 50 if known is unknown
                """);
        CliRunner r = CliRunner.run("preview", "--rules", dir.resolve("s.score").toString(), "--data",
                dir.resolve("data").toString(), "--as-of", "2026-03-01");
        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).containsPattern("Zeta low +0 +0\\.0%").containsPattern("Alpha mid +1 +100\\.0%")
                .containsPattern("Beta high +0 +0\\.0%");
        assertThat(out.indexOf("Zeta low")).isLessThan(out.indexOf("Alpha mid"));
        assertThat(out.indexOf("Alpha mid")).isLessThan(out.indexOf("Beta high"));
    }

    @Test
    void zeroBucketsIsAUsageError() {
        CliRunner r = preview("--buckets", "0");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--buckets must be between 1 and 1000, got 0");
    }

    @Test
    void theHtmlHasTheTextsNumbersBarsFromTheLeftAndGroupAverages(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("p.html");
        CliRunner r = preview("--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<h3>Group averages</h3>", "<th>Product usage</th>", "<th>Advocacy</th>");
        Matcher avg = Pattern.compile("    (Product usage|Support) +(\\S+)").matcher(r.out());
        while (avg.find()) {
            assertThat(page).contains("<th>" + avg.group(1) + "</th><td class=n>" + avg.group(2) + "</td>");
        }
        Matcher status = Pattern.compile("    (At risk|Neutral|Healthy) +(\\d+)").matcher(r.out());
        int found = 0;
        while (status.find()) {
            found++;
            assertThat(page).contains("data-label=\"" + status.group(1) + "\" data-value=\"" + status.group(2) + "\"");
        }
        assertThat(found).isEqualTo(3);
        Matcher x = Pattern.compile("<rect class=\"bar\" x=\"(\\d+)\"").matcher(page);
        int bars = 0;
        while (x.find()) {
            bars++;
            assertThat(Integer.parseInt(x.group(1))).isEqualTo(Charts.ORIGIN);
        }
        assertThat(bars).isEqualTo(3 + 10);
        assertThat(page.indexOf("data-label=\"At risk\"")).isLessThan(page.indexOf("data-label=\"Healthy\""));
    }

    @Test
    void everyNameOnThePageIsEscaped(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/records.jsonl"), "{\"type\":\"contact\",\"id\":\"a\",\"properties\":{}}\n");
        Files.writeString(dir.resolve("data/events.jsonl"), "");
        Files.writeString(dir.resolve("s.score"), """
                score "<script>alert(1)</script>" on contact
                  type fit
                  status "A&B \\"low\\"" from 0
                  status "<b>high</b>" from 40
                  group "<img src=x onerror=alert(2)>" limit 100
                    add 50 if known is unknown
                """);
        Path html = dir.resolve("p.html");
        CliRunner r = CliRunner.run("preview", "--rules", dir.resolve("s.score").toString(), "--data",
                dir.resolve("data").toString(), "--as-of", "2026-03-01", "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script", "<img", "<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                        "A&amp;B &quot;low&quot;", "&lt;b&gt;high&lt;/b&gt;");
    }
}
