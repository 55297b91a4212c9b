package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scoreline preview --against}: the quickstart's customer health score against a copy with
 * the "Healthy" threshold moved from 70 to 60, every number checked against the engine scoring the
 * two definitions on its own; a definition against itself; and the errors a user can meet.
 */
class PreviewAgainstTest {

    static final Path QUICKSTART = Path.of("../examples/quickstart");
    static final Path HEALTH = QUICKSTART.resolve("health.score");
    static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    /** The quickstart's health score with "Healthy" from 60 instead of 70: one threshold moved. */
    static Path movedThreshold(Path dir) throws IOException {
        String text = Files.readString(HEALTH);
        assertThat(text).contains("status \"Healthy\" from 70");
        return Files.writeString(dir.resolve("health-60.score"), text.replace("status \"Healthy\" from 70",
                "status \"Healthy\" from 60"));
    }

    private static CliRunner preview(Path rules, String... more) {
        List<String> args = new ArrayList<>(List.of("preview", "--rules", rules.toString(), "--data",
                QUICKSTART.resolve("data").toString(), "--as-of", AS_OF.toString()));
        args.addAll(Arrays.asList(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** The engine's results of one score file on the quickstart data, by record. */
    static Map<RecordKey, ScoreResult> scored(Path file) throws IOException {
        List<ScoreDefinition> defs = ScoreParser.parse(file.toString(), Files.readString(file)).definitions();
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(defs);
        Map<RecordKey, ScoreResult> out = new TreeMap<>();
        try (JsonlAdapter adapter = new JsonlAdapter(QUICKSTART.resolve("data"))) {
            engine.score(engine.load(scores, adapter, DataProblems.IGNORE), AS_OF, r -> out.put(r.record(), r));
        }
        return out;
    }

    /** The text's from × to table: row → cells (the last cell the row's total). */
    private static Map<String, long[]> table(String out) {
        String block = out.substring(out.indexOf("statuses, before (rows)"), out.indexOf("  values: mean"));
        Map<String, long[]> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^    (\\S.*?)((?: +\\d+)+)$").matcher(block);
        while (m.find()) {
            rows.put(m.group(1), Arrays.stream(m.group(2).trim().split(" +")).mapToLong(Long::parseLong).toArray());
        }
        return rows;
    }

    @Test
    void theFromToTableSumsToTheRecordsAndEveryCellIsTheEnginesCount() throws IOException {
        Path moved = movedThreshold(dir);
        CliRunner r = preview(moved, "--against", HEALTH.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<RecordKey, ScoreResult> before = scored(HEALTH);
        Map<RecordKey, ScoreResult> after = scored(moved);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<String> order = List.of("At risk", "Neutral", "Healthy");
        Map<String, long[]> table = table(r.out());
        assertThat(table.keySet()).containsExactly("At risk", "Neutral", "Healthy", "total");
        long changed = 0;
        for (int from = 0; from < 3; from++) {
            for (int to = 0; to < 3; to++) {
                String f = order.get(from);
                String t = order.get(to);
                long n = before.keySet().stream().filter(k -> before.get(k).status().equals(f)
                        && after.get(k).status().equals(t)).count();
                assertThat(table.get(f)[to]).as("%s → %s", f, t).isEqualTo(n);
                changed += from == to ? 0 : n;
            }
        }
        long[] total = table.get("total");
        assertThat(total[3]).isEqualTo(before.size());
        assertThat(table.values().stream().limit(3).mapToLong(row -> row[3]).sum()).isEqualTo(before.size());
        assertThat(total[0] + total[1] + total[2]).isEqualTo(before.size());
        // moving a threshold down only lifts Neutral records to Healthy, and values stay
        assertThat(changed).isPositive().isEqualTo(table.get("Neutral")[2]);
        assertThat(r.out()).contains(changed + " of " + before.size() + " change status (" + changed
                + " to a better one, 0 to a worse one)");
        assertThat(r.out()).contains("mean shift 0, median shift 0; 0 up, 0 down, " + before.size() + " unchanged");
        // the records that move most: the status changes, by record key, as many as --top
        List<RecordKey> lifted = before.keySet().stream().filter(k -> !before.get(k).status().equals(after.get(k).status()))
                .limit(10).toList();
        String most = r.out().substring(r.out().indexOf("records that move most:"));
        for (RecordKey k : lifted) {
            assertThat(most).containsPattern(Pattern.quote(k.toString()) + " +" + PreviewCommand.num(
                    before.get(k).value().doubleValue()) + " Neutral +→ +\\S+ Healthy +0\\n");
        }
    }

    @Test
    void aChangedRuleShiftsTheValuesByTheEnginesNumbers() throws IOException {
        Path more = Files.writeString(dir.resolve("health-nps.score"), Files.readString(HEALTH)
                .replace("add 20 if nps >= 9", "add 15 if nps >= 9"));
        CliRunner r = preview(more, "--against", HEALTH.toString(), "--top", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<RecordKey, ScoreResult> before = scored(HEALTH);
        Map<RecordKey, ScoreResult> after = scored(more);
        long down = before.keySet().stream().filter(k -> after.get(k).value().compareTo(before.get(k).value()) < 0).count();
        long up = before.keySet().stream().filter(k -> after.get(k).value().compareTo(before.get(k).value()) > 0).count();
        assertThat(down).isPositive();
        assertThat(r.out()).contains("; " + up + " up, " + down + " down, " + (before.size() - up - down) + " unchanged");
        double mean = before.keySet().stream().mapToDouble(k -> after.get(k).value().subtract(before.get(k).value())
                .doubleValue()).average().orElseThrow();
        assertThat(r.out()).contains("mean shift " + WhatIfText.signed(mean) + ",");
        String most = r.out().substring(r.out().indexOf("records that move most:"), r.out().indexOf("values before and after"));
        assertThat(most.lines().skip(1).filter(l -> !l.isBlank())).hasSize(3).allMatch(l -> l.trim().endsWith(" -5"));
    }

    @Test
    void aRecordTheNewDefinitionLeavesOutGoesToNotScored() throws IOException {
        Path excluding = Files.writeString(dir.resolve("health-excl.score"), Files.readString(HEALTH)
                .replace("  type health\n", "  type health\n  exclude lists \"Customer advisory board\"\n"));
        CliRunner r = preview(excluding, "--against", HEALTH.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<RecordKey, ScoreResult> before = scored(HEALTH);
        Map<RecordKey, ScoreResult> after = scored(excluding);
        long left = before.size() - after.size();
        assertThat(left).isPositive();
        Map<String, long[]> table = table(r.out());
        // nobody enters the score, so there is no "not scored" row; those who leave fill its column
        assertThat(table.keySet()).containsExactly("At risk", "Neutral", "Healthy", "total");
        assertThat(r.out()).containsPattern("before \\\\ after +At risk +Neutral +Healthy +not scored +total");
        assertThat(table.get("total")).containsExactly(after.values().stream().filter(x -> x.status().equals("At risk")).count(),
                after.values().stream().filter(x -> x.status().equals("Neutral")).count(),
                after.values().stream().filter(x -> x.status().equals("Healthy")).count(), left, before.size());
        assertThat(r.out()).contains(before.size() + " records scored before, " + after.size() + " after; " + left + " of "
                + before.size() + " change status");
    }

    @Test
    void aDefinitionAgainstItselfMovesNothing() throws IOException {
        CliRunner r = preview(HEALTH, "--against", HEALTH.toString(), "--html", dir.resolve("w.html").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        int records = scored(HEALTH).size();
        assertThat(r.out()).contains("0 of " + records + " change status (0 to a better one, 0 to a worse one)",
                "mean shift 0, median shift 0; 0 up, 0 down, " + records + " unchanged",
                "none: every record keeps its value and status");
        Map<String, long[]> table = table(r.out());
        List<String> rows = List.copyOf(table.keySet());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(table.get(rows.get(i))[j]).as("%s → column %d", rows.get(i), j).isZero();
                }
            }
        }
        String page = Files.readString(dir.resolve("w.html"));
        assertThat(page).contains("<span class=\"changed\">0</span> of <span class=\"records\">" + records + "</span>");
    }

    @Test
    void aScoreTheAgainstFileDoesNotHoldIsComparedWithItself() throws IOException {
        Path lead = QUICKSTART.resolve("lead.score");
        Path quality = QUICKSTART.resolve("lead-quality.score");
        Path edited = Files.writeString(dir.resolve("lead.score"), Files.readString(lead)
                .replace("add 20 for each meeting_completed", "add 30 for each meeting_completed"));
        CliRunner r = CliRunner.run("preview", "--rules", edited + "," + quality, "--data",
                QUICKSTART.resolve("data").toString(), "--as-of", AS_OF.toString(), "--against", lead.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Score \"Lead score\": what-if against " + lead,
                "Score \"Lead quality\": what-if against " + lead);
        assertThat(section(r.out(), "Lead quality")).contains("0 up, 0 down");
        assertThat(section(r.out(), "Lead score")).containsPattern("; [1-9]\\d* up, 0 down");
    }

    /** The text of one score's what-if. */
    private static String section(String out, String score) {
        int from = out.indexOf("Score \"" + score + "\"");
        int next = out.indexOf("\nScore \"", from + 1);
        return out.substring(from, next < 0 ? out.length() : next);
    }

    @Test
    void aMissingAgainstFileIsSL511() {
        CliRunner r = preview(HEALTH, "--against", dir.resolve("nope.score").toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("error[SL511]: cannot read " + dir.resolve("nope.score") + ": no such file; fix: give "
                + "the path of a readable .score file (UTF-8 text)" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadAgainstFileGivesItsPlaceAndFix() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.score"), Files.readString(HEALTH)
                .replace("add 15 if weekly_active_users >= 50", "add fifteen if weekly_active_users >= 50"));
        CliRunner r = preview(HEALTH, "--against", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.RULE_ERRORS);
        assertThat(r.err()).contains(bad + ":11:9: error: expected the points after \"add\", found \"fifteen\"")
                .contains("error[SL500]: the rules have 1 error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anAgainstScoreThePreviewDoesNotHaveIsSL509() {
        CliRunner r = preview(HEALTH, "--against", QUICKSTART.resolve("lead.score").toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("error[SL509]: --against " + QUICKSTART.resolve("lead.score")
                + " holds score \"Lead score\", which no --rules file defines; fix: ");
    }

    @Test
    void aStoreWithoutAgainstActiveIsSL509() {
        CliRunner r = preview(HEALTH, "--store", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("error[SL509]: --store is read only with --against active; fix: ");
    }

    @Test
    void againstActiveComparesWithTheStoresActiveVersion() throws IOException {
        Path store = dir.resolve("store");
        CliRunner add = CliRunner.run("scores", "add", HEALTH.toString(), "--activate", "--store", store.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        Path moved = movedThreshold(dir);
        CliRunner active = preview(moved, "--against", "active", "--store", store.toString());
        assertThat(active.exit()).as(active.err()).isZero();
        CliRunner file = preview(moved, "--against", HEALTH.toString());
        assertThat(active.out()).contains("what-if against the active versions in " + store);
        assertThat(active.out().replace("the active versions in " + store, HEALTH.toString())).isEqualTo(file.out());
    }

    @Test
    void againstActiveWithoutAStoreIsSL601AndMakesNone() {
        Path none = dir.resolve("no-store");
        CliRunner r = preview(HEALTH, "--against", "active", "--store", none.toString());
        assertThat(r.exit()).isEqualTo(Main.STORE_UNAVAILABLE);
        assertThat(r.err()).startsWith("error[SL601]: no score store at " + none + "; fix: give --store");
        assertThat(none).doesNotExist();
    }

    @Test
    void againstActiveWithOnlyADraftIsSL605() {
        Path store = dir.resolve("store");
        assertThat(CliRunner.run("scores", "add", HEALTH.toString(), "--store", store.toString()).exit()).isZero();
        CliRunner r = preview(HEALTH, "--against", "active", "--store", store.toString());
        assertThat(r.exit()).isEqualTo(Main.exitCode(dev.scoreline.api.ErrorCode.UNKNOWN_SCORE));
        assertThat(r.err()).startsWith("error[SL605]: \"Customer health\" has no active version in the store at " + store
                + " (it is a draft); fix: activate a version");
    }
}
