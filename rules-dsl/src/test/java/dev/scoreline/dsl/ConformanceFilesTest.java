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
                "26-check-unterminated-string--str.score", List.of("4:SL101"));
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
    }
}
