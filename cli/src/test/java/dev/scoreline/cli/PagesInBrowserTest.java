package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.MonthlyValue;
import dev.scoreline.store.ScoreStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML pages of the quickstart opened in headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs) at 1280x800, checked for what a person sees: the chart
 * elements are there with the counts and labels the engine and the store computed, bars grow from
 * the left (from the axis), and nothing is cut off. Skipped, saying why, only without Chromium.
 */
class PagesInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    static Path dir;
    static Path config;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium here: the browser test needs " + CHROMIUM + " and " + DRIVER
                        + " (apt-get install chromium chromium-driver, as .ci/run does)");
        config = QuickstartHistory.build(dir);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,800", "--hide-scrollbars");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePreviewShowsTheEnginesCountsWithBarsFromTheLeft() throws Exception {
        Path html = dir.resolve("preview.html");
        CliRunner r = CliRunner.run("preview", "--rules", String.join(",", rules()), "--data",
                dir.resolve("data").toString(), "--as-of", AS_OF.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Map<String, Long>> expected = statusCounts();
        open(html);
        List<WebElement> sections = browser.findElements(By.cssSelector("section.score"));
        assertThat(sections).extracting(s -> s.getAttribute("data-score")).containsExactlyElementsOf(expected.keySet());
        for (WebElement section : sections) {
            Map<String, Long> counts = expected.get(section.getAttribute("data-score"));
            WebElement chart = section.findElement(By.cssSelector("svg.statuses"));
            List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
            assertThat(bars).extracting(b -> b.getAttribute("data-label")).containsExactlyElementsOf(counts.keySet());
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            assertThat(section.findElement(By.cssSelector(".scored")).getText()).isEqualTo(Long.toString(total));
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            double full = rect(bars.get(0)).get("maxWidth");
            for (WebElement bar : bars) {
                long n = counts.get(bar.getAttribute("data-label"));
                assertThat(bar.getAttribute("data-value")).isEqualTo(Long.toString(n));
                assertThat(rect(bar).get("width")).as("bar length of %s", bar.getAttribute("data-label"))
                        .isCloseTo(full * n / max, within(1.0));
            }
            assertThat(chart.findElements(By.tagName("text"))).extracting(WebElement::getText)
                    .containsAll(counts.keySet());
            barsStartAtTheAxis(section);
        }
        nothingIsCutOff();
    }

    @Test
    void theCardShowsTheStoresHistoryWithItsCauses() throws Exception {
        Path html = dir.resolve("card.html");
        RecordKey record = RecordKey.parse("company:a001");
        CliRunner r = CliRunner.run("card", record.toString(), "--config", config.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<HistoryEntry> history;
        try (ScoreStore store = ScoreStore.embedded(dir.resolve("scoreline-data"))) {
            history = store.history(record, Optional.of("Customer health"));
        }
        assertThat(history).hasSizeGreaterThan(1);
        List<MonthlyValue> trend = ScoreStore.monthlyTrend(history);
        open(html);
        WebElement section = browser.findElement(By.cssSelector("section.score[data-score='Customer health']"));
        HistoryEntry last = history.get(history.size() - 1);
        assertThat(section.findElement(By.cssSelector(".current .value")).getText())
                .isEqualTo(last.newValue().toPlainString());
        assertThat(section.findElement(By.cssSelector(".current .status")).getText()).isEqualTo(last.newStatus());
        List<WebElement> months = section.findElements(By.cssSelector("svg.trend circle.mark"));
        assertThat(months).extracting(m -> m.getAttribute("data-label"))
                .containsExactlyElementsOf(trend.stream().map(m -> m.month().toString()).toList());
        assertThat(months).extracting(m -> m.getAttribute("data-value"))
                .containsExactlyElementsOf(trend.stream().map(m -> m.value().stripTrailingZeros().toPlainString()).toList());
        List<WebElement> steps = section.findElements(By.cssSelector("svg.history circle.mark"));
        assertThat(steps).hasSameSizeAs(history);
        for (int i = 0; i < steps.size(); i++) {
            String hover = (String) js("return arguments[0].querySelector('title').textContent", steps.get(i));
            assertThat(hover).contains(CardCommand.cause(history.get(i)));
            assertThat(steps.get(i).getAttribute("data-value"))
                    .isEqualTo(history.get(i).newValue().stripTrailingZeros().toPlainString());
        }
        // a higher value is drawn higher
        double first = rect(steps.get(0)).get("y");
        for (int i = 1; i < steps.size(); i++) {
            int cmp = history.get(i).newValue().compareTo(history.get(0).newValue());
            double y = rect(steps.get(i)).get("y");
            assertThat(cmp > 0 ? y < first : cmp < 0 ? y > first : Math.abs(y - first) < 1).isTrue();
        }
        assertThat(section.findElements(By.cssSelector("table.changes tr"))).hasSize(
                1 + Math.min(CardCommand.LATEST, history.size()));
        nothingIsCutOff();
        Path shot = Path.of("target", "screenshots", "card.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theReportShowsTheStoresStatusesPerMonthWithBarsFromTheLeft() throws Exception {
        Path html = dir.resolve("report.html");
        CliRunner r = CliRunner.run("report", "--config", config.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Map<String, Long>> today = statusCounts();
        open(html);
        List<WebElement> sections = browser.findElements(By.cssSelector("section.score"));
        assertThat(sections).extracting(s -> s.getAttribute("data-score")).containsExactlyElementsOf(today.keySet());
        String last = QuickstartHistory.MONTHS[QuickstartHistory.MONTHS.length - 1].substring(0, 7);
        for (WebElement section : sections) {
            Map<String, Long> counts = today.get(section.getAttribute("data-score"));
            List<WebElement> segments = section.findElements(By.cssSelector("svg.months rect.segment[data-row='" + last + "']"));
            // the last run was at the start of the last month: its statuses are the engine's of today
            assertThat(segments).extracting(s -> s.getAttribute("data-label")).containsExactlyElementsOf(counts.keySet());
            for (WebElement s : segments) {
                assertThat(s.getAttribute("data-value")).isEqualTo(Long.toString(counts.get(s.getAttribute("data-label"))));
            }
            List<WebElement> rows = section.findElements(By.cssSelector("svg.months text"));
            assertThat(rows).extracting(WebElement::getText).contains(last);
            WebElement axis = section.findElement(By.cssSelector("svg.months line.axis"));
            double axisX = rect(axis).get("x") + rect(axis).get("width") / 2;
            assertThat(rect(segments.get(0)).get("x")).isCloseTo(axisX, within(1.0));
            assertThat(section.findElements(By.cssSelector("table.rules tr"))).hasSizeGreaterThan(1);
        }
        nothingIsCutOff();
    }

    @Test
    void theWhatIfShowsTheEnginesMovesAndBothHistogramsWithBarsFromTheLeft() throws Exception {
        Path moved = PreviewAgainstTest.movedThreshold(dir);
        Path html = dir.resolve("whatif.html");
        List<String> after = List.of(dir.resolve("lead.score").toString(), dir.resolve("lead-quality.score").toString(),
                moved.toString());
        CliRunner r = CliRunner.run("preview", "--rules", String.join(",", after), "--data", dir.resolve("data").toString(),
                "--as-of", AS_OF.toString(), "--against", dir.resolve("health.score").toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Map<RecordKey, ScoreResult>> before = results(rules());
        Map<String, Map<RecordKey, ScoreResult>> now = results(after);
        open(html);
        List<WebElement> sections = browser.findElements(By.cssSelector("section.whatif"));
        assertThat(sections).extracting(s -> s.getAttribute("data-score")).containsExactlyElementsOf(now.keySet());
        for (WebElement section : sections) {
            String score = section.getAttribute("data-score");
            Map<RecordKey, ScoreResult> b = before.get(score);
            Map<RecordKey, ScoreResult> a = now.get(score);
            assertThat(a.keySet()).isEqualTo(b.keySet());
            long changed = changedStatuses(before, now, score);
            assertThat(section.findElement(By.cssSelector(".changed")).getText()).isEqualTo(Long.toString(changed));
            assertThat(section.findElement(By.cssSelector(".records")).getText()).isEqualTo(Long.toString(b.size()));
            List<Map<String, Object>> cells = shown(section, "table.moves td[data-from]");
            assertThat(cells).isNotEmpty();
            for (Map<String, Object> cell : cells) {
                long n = b.keySet().stream().filter(k -> b.get(k).status().equals(cell.get("from"))
                        && a.get(k).status().equals(cell.get("to"))).count();
                assertThat(cell.get("text")).as("%s → %s", cell.get("from"), cell.get("to")).isEqualTo(Long.toString(n));
            }
            statusBarsAre(section, "before", b);
            statusBarsAre(section, "after", a);
            histogramsAre(section, b, a);
            long movedRecords = b.keySet().stream().filter(k -> b.get(k).value().compareTo(a.get(k).value()) != 0
                    || !b.get(k).status().equals(a.get(k).status())).count();
            assertThat(shown(section, "table.movers tr[data-record]")).hasSize((int) Math.min(10, movedRecords));
            for (Map<String, Object> bar : shown(section, "svg.chart rect.bar")) {
                assertThat(bar.get("xattr")).isEqualTo(bar.get("origin"));
                assertThat(number(bar, "x")).as("left edge of bar %s", bar.get("label")).isCloseTo(number(bar, "axis"), within(1.0));
            }
        }
        // the moved threshold moves some health records, the scores left as they were move none
        assertThat(sections).extracting(s -> s.findElement(By.cssSelector(".changed")).getText())
                .containsExactly(Long.toString(changedStatuses(before, now, "Customer health")), "0", "0")
                .first().isNotEqualTo("0");
        nothingIsCutOff();
        Path shot = Path.of("target", "screenshots", "whatif.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static long changedStatuses(Map<String, Map<RecordKey, ScoreResult>> before,
                                        Map<String, Map<RecordKey, ScoreResult>> after, String score) {
        Map<RecordKey, ScoreResult> b = before.get(score);
        return b.keySet().stream().filter(k -> !b.get(k).status().equals(after.get(score).get(k).status())).count();
    }

    /** The stacked bar of one side: a segment per status in the definition's order, its count, its length, from the axis. */
    private static void statusBarsAre(WebElement section, String side, Map<RecordKey, ScoreResult> results) {
        List<Map<String, Object>> segments = shown(section, "svg.statuses rect.segment[data-row='" + side + "']");
        assertThat(segments).isNotEmpty();
        for (Map<String, Object> s : segments) {
            long n = results.values().stream().filter(x -> x.status().equals(s.get("label"))).count();
            assertThat(s.get("value")).as("%s %s", side, s.get("label")).isEqualTo(Long.toString(n));
            assertThat(number(s, "width")).isCloseTo(number(s, "full") * n / results.size(), within(1.0));
        }
        assertThat(segments.stream().mapToLong(s -> Long.parseLong((String) s.get("value"))).sum()).isEqualTo(results.size());
        assertThat(number(segments.get(0), "x")).isCloseTo(number(segments.get(0), "axis"), within(1.0));
    }

    /** Both histograms: ten bins over the range of both sides, their counts, one scale for the two charts. */
    private static void histogramsAre(WebElement section, Map<RecordKey, ScoreResult> before, Map<RecordKey, ScoreResult> after) {
        List<Double> all = java.util.stream.Stream.of(before, after).flatMap(m -> m.values().stream())
                .map(x -> x.value().doubleValue()).toList();
        double lo = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int bins = hi > lo ? 10 : 1;
        long[][] counts = new long[2][bins];
        List<Map<RecordKey, ScoreResult>> sides = List.of(before, after);
        for (int side = 0; side < 2; side++) {
            for (ScoreResult x : sides.get(side).values()) {
                int bin = hi > lo ? (int) Math.floor((x.value().doubleValue() - lo) / ((hi - lo) / 10)) : 0;
                counts[side][Math.min(bins - 1, bin)]++;
            }
        }
        long max = java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).max().orElseThrow();
        String[] names = {"before", "after"};
        for (int side = 0; side < 2; side++) {
            List<Map<String, Object>> bars = shown(section, "svg.values-" + names[side] + " rect.bar");
            assertThat(bars).hasSize(bins);
            for (int i = 0; i < bins; i++) {
                assertThat(bars.get(i).get("value")).as("%s bin %d", names[side], i).isEqualTo(Long.toString(counts[side][i]));
                assertThat(number(bars.get(i), "width")).isCloseTo(number(bars.get(i), "full") * counts[side][i] / max,
                        within(1.0));
            }
            assertThat(shown(section, "svg.values-" + names[side] + " text")).extracting(t -> t.get("text"))
                    .contains(PreviewCommand.num(lo) + " – " + PreviewCommand.num(lo + (hi - lo) / bins));
        }
    }

    /**
     * What a person sees of every element matching {@code css} in {@code scope}, read in one call
     * (one round trip, not one per attribute): its data- attributes, text, box, the length of a
     * full bar of its chart and where its chart's axis is drawn.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> shown(WebElement scope, String css) {
        return (List<Map<String, Object>>) js("""
                return [...arguments[0].querySelectorAll(arguments[1])].map(e => {
                  const r = e.getBoundingClientRect(); const svg = e.ownerSVGElement;
                  const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
                  const axis = svg ? svg.querySelector('line.axis') : null;
                  const a = axis ? axis.getBoundingClientRect() : null;
                  return {label: e.getAttribute('data-label'), value: e.getAttribute('data-value'),
                          from: e.getAttribute('data-from'), to: e.getAttribute('data-to'), text: e.textContent,
                          xattr: e.getAttribute('x'), origin: svg ? svg.getAttribute('data-origin') : null,
                          x: r.left, width: r.width, full: %d * scale, axis: a ? a.left + a.width / 2 : null};
                });
                """.formatted(Charts.BAR_SPACE), scope, css);
    }

    private static double number(Map<String, Object> shown, String key) {
        return ((Number) shown.get(key)).doubleValue();
    }

    /** Per score (file order), the engine's result for each record of the quickstart data. */
    private static Map<String, Map<RecordKey, ScoreResult>> results(List<String> files) throws Exception {
        List<ScoreDefinition> defs = RuleFiles.load(files.stream().map(Path::of).toList(), "test",
                new PrintWriter(new StringWriter()));
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(defs);
        Map<String, Map<RecordKey, ScoreResult>> out = new LinkedHashMap<>();
        scores.definitions().forEach(d -> out.put(d.name(), new LinkedHashMap<>()));
        try (JsonlAdapter adapter = new JsonlAdapter(dir.resolve("data"))) {
            engine.score(engine.load(scores, adapter, DataProblems.IGNORE), AS_OF, x -> out.get(x.score()).put(x.record(), x));
        }
        return out;
    }

    private static List<String> rules() throws Exception {
        return List.of(dir.resolve("lead.score").toString(), dir.resolve("lead-quality.score").toString(),
                dir.resolve("health.score").toString());
    }

    /** Per score (file order), the count per status the engine gives the quickstart, in threshold order. */
    private static Map<String, Map<String, Long>> statusCounts() throws Exception {
        List<ScoreDefinition> defs = RuleFiles.load(rules().stream().map(Path::of).toList(),
                "test", new PrintWriter(new StringWriter()));
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (ScoreDefinition d : ScoreEngine.create().compile(defs).definitions()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Statuses.worstFirst(d).forEach(s -> counts.put(s, 0L));
            out.put(d.name(), counts);
        }
        results(rules()).forEach((score, byRecord) -> byRecord.values()
                .forEach(x -> out.get(score).merge(x.status(), 1L, Long::sum)));
        return out;
    }

    private static void open(Path html) {
        browser.get(html.toUri().toString());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** An element's box on the page, and for a bar the length of a full bar (the chart's bar space). */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> rect(WebElement e) {
        Map<String, Object> raw = (Map<String, Object>) js("""
                const r = arguments[0].getBoundingClientRect(); const svg = arguments[0].ownerSVGElement;
                const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
                return {x: r.left, y: r.top, width: r.width, right: r.right,
                        maxWidth: svg ? %d * scale : 0};
                """.formatted(Charts.BAR_SPACE), e);
        Map<String, Double> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    /** Every bar and the first segment of every stacked bar start where the chart's axis is drawn. */
    private static void barsStartAtTheAxis(WebElement scope) {
        for (WebElement chart : scope.findElements(By.cssSelector("svg.chart"))) {
            List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
            if (bars.isEmpty()) {
                continue;
            }
            WebElement axis = chart.findElement(By.cssSelector("line.axis"));
            double axisX = rect(axis).get("x") + rect(axis).get("width") / 2;
            for (WebElement bar : bars) {
                assertThat(bar.getAttribute("x")).isEqualTo(chart.getAttribute("data-origin"));
                assertThat(rect(bar).get("x")).as("left edge of bar %s", bar.getAttribute("data-label"))
                        .isCloseTo(axisX, within(1.0));
            }
        }
    }

    /** No element reaches past the 1280 px window or its chart; the page does not scroll sideways. */
    private static void nothingIsCutOff() {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number width = (Number) js("return window.innerWidth");
        assertThat(scroll.intValue()).isLessThanOrEqualTo(width.intValue());
        Object outside = js("""
                const w = window.innerWidth; const bad = [];
                for (const e of document.querySelectorAll('h1,h2,h3,p,table,svg,svg text,svg rect,svg circle,.status')) {
                  const r = e.getBoundingClientRect();
                  if (r.left < -0.5 || r.right > w + 0.5) bad.push(e.tagName + ' ' + e.textContent.slice(0, 40));
                  const svg = e.ownerSVGElement;
                  if (svg) { const s = svg.getBoundingClientRect();
                    if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5)
                      bad.push('outside its chart: ' + e.tagName + ' ' + e.textContent.slice(0, 40)); }
                }
                return bad;
                """);
        assertThat((List<?>) outside).as("elements cut off").isEmpty();
    }
}
