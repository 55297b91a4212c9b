package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline card} and {@code scoreline report}: pages drawn from the store's history, as text and HTML. */
class StoredHistoryPagesTest {

    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void history() {
        config = QuickstartHistory.build(dir);
    }

    @Test
    void showsTheCurrentValueTheLatestChangesAndTheMonthlyTrend() throws IOException {
        CliRunner history = CliRunner.run("history", "company:a001", "--store", dir.resolve("scoreline-data").toString(),
                "--json");
        assertThat(history.exit()).as(history.err()).isZero();
        Path html = dir.resolve("card.html");
        CliRunner r = CliRunner.run("card", "company:a001", "--config", config.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.out());
        var health = json.get("scores").get(0);
        var changes = health.get("changes");
        var last = changes.get(changes.size() - 1).get("new");
        assertThat(r.out()).contains(health.get("score").asText() + ": " + last.get("value").asText() + " "
                + last.get("status").asText(), "latest changes:", "monthly trend", "2026-03");
        String page = Files.readString(html);
        assertThat(page).contains("<h2>Customer health</h2>", "class=\"chart trend\"", "class=\"chart history\"",
                "<title>", "feature_adoption &gt;= 0.5").doesNotContain("<script", ">= 0.5");
        long marks = page.split("class=\"mark\"", -1).length - 1;
        assertThat(marks).isEqualTo(health.get("trend").size() + changes.size());
    }

    @Test
    void aRecordWithoutHistorySaysSoAndABadKeyIsAUsageError() {
        CliRunner none = CliRunner.run("card", "company:nobody", "--store", dir.resolve("scoreline-data").toString());
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("no history for company:nobody");
        assertThat(CliRunner.run("card", "nokey", "--store", dir.resolve("scoreline-data").toString()).exit())
                .isEqualTo(Main.USAGE);
        assertThat(CliRunner.run("card", "company:a001", "--config", config.toString(), "--store", "x").exit())
                .isEqualTo(Main.USAGE);
    }

    @Test
    void theReportCountsTheStatusesPerMonthAndTheMoves() throws IOException {
        Path html = dir.resolve("report.html");
        CliRunner r = CliRunner.run("report", "--config", config.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Score \"Customer health\"", "At risk", "Neutral", "Healthy", "up", "down",
                "rules that gave the most points across records:");
        for (String month : QuickstartHistory.MONTHS) {
            assertThat(r.out()).contains("  " + month.substring(0, 7) + " ");
        }
        // every month counts every record of the score that has a status then: the rows of one score add up alike
        String health = r.out().substring(r.out().indexOf("Score \"Customer health\""));
        health = health.indexOf("\nScore \"") < 0 ? health : health.substring(0, health.indexOf("\nScore \""));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^  (\\d{4}-\\d\\d) +(\\d+) +(\\d+) +(\\d+) ")
                .matcher(health);
        java.util.Set<Long> totals = new java.util.HashSet<>();
        while (row.find()) {
            totals.add(Long.parseLong(row.group(2)) + Long.parseLong(row.group(3)) + Long.parseLong(row.group(4)));
        }
        assertThat(totals).containsExactly(80L);
        String page = Files.readString(html);
        assertThat(page).contains("<h2>Customer health</h2>", "class=\"chart months\"", "Moved up or down")
                .doesNotContain("<script");
    }
}
