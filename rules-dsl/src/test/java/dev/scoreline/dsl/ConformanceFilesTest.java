package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The score files of the shared conformance cases (copied to src/test/resources/conformance). */
class ConformanceFilesTest {

    static List<Path> scoringCases() {
        return Resources.files("conformance", ".score").stream()
                .filter(p -> p.getFileName().toString().compareTo("20") < 0).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoringCases")
    void scoringCasesParseWithoutAnyDiagnostic(Path file) {
        ParseResult r = ScoreParser.parse(file.getFileName().toString(), Resources.read(file));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.definitions()).isNotEmpty();
    }

    @Test
    void checkCasesReportTheExpectedLines() {
        Map<String, List<String>> expected = Map.of(
                "20-check-valid--ok.score", List.of(),
                "21-check-health-sum--health.score", List.of("1:SL407"),
                "22-check-unknown-operator--op.score", List.of("4:SL203"),
                "23-check-decay-interval--decay.score", List.of("4:SL409"),
                "24-check-rule-kind--kind.score", List.of("5:SL401"),
                "25-check-several-errors--many.score", List.of("5:SL309", "6:SL206", "7:SL412"),
                "26-check-unterminated-string--str.score", List.of("4:SL101"),
                "27-check-score-references--refs.score", List.of("9:SL422", "10:SL423"),
                "28-check-cycle--cycle.score", List.of("4:SL424", "9:SL424"),
                "29-check-wave2-rules--rules.score", List.of("4:SL419", "5:SL420", "6:SL421", "7:SL401"));
        expected.forEach((name, lines) -> {
            ParseResult r = ScoreParser.parse(name, Resources.read(Resources.folder("conformance").resolve(name)));
            assertThat(r.diagnostics().stream().map(d -> d.position().line() + ":" + d.code()).toList())
                    .as(name).containsExactlyElementsOf(lines);
        });
        assertThat(ScoreParser.parse("h", Resources.read(Resources.folder("conformance")
                .resolve("21-check-health-sum--health.score"))).errors().get(0).message()).contains("95");
        assertThat(ScoreParser.parse("o", Resources.read(Resources.folder("conformance")
                .resolve("22-check-unknown-operator--op.score"))).errors().get(0).format())
                .contains("unknown operator \"equals\"; did you mean \"is\"?");
        assertThat(firstError("27-check-score-references--refs.score")).contains("did you mean \"Lead score\"?");
        assertThat(firstError("28-check-cycle--cycle.score")).contains("\"Alpha\" → \"Beta\" → \"Alpha\"");
        assertThat(firstError("29-check-wave2-rules--rules.score")).contains("remove \"at most 1 per day\"");
    }

    private static String firstError(String name) {
        return ScoreParser.parse(name, Resources.read(Resources.folder("conformance").resolve(name))).errors().get(0).format();
    }

    @Test
    void theByteOrderMarkOfCaseFourteenIsIgnored() {
        String text = Resources.read(Resources.folder("conformance").resolve("14-rule-limits-bom--limits.score"));
        assertThat(text).startsWith("\uFEFF");
        ParseResult r = ScoreParser.parse("limits.score", text);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.definitions()).extracting(d -> d.name()).containsExactly("Rule limits", "Fit limits");
        assertThat(ScoreParser.parse("t", "\uFEFFscore \"S\" onn contact\n").errors())
                .as("columns count from after the mark")
                .anySatisfy(d -> assertThat(d.format()).startsWith("t:1:11: error: expected \"on\""))
                .noneSatisfy(d -> assertThat(d.code()).isEqualTo("SL105"));
    }
}
