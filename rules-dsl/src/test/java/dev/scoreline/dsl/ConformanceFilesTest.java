package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The score files of the conformance cases (the repository's one copy, conformance/cases): those
 * of scoring cases parse cleanly, those of check cases give the errors their expect-check names.
 * A case conformance/not-yet-implemented names is skipped with its reason.
 */
class ConformanceFilesTest {

    private static boolean isCheckCase(Path caseDir) {
        return Files.exists(caseDir.resolve("expect-check"));
    }

    static List<Named<Path>> scoringCases() {
        return Resources.conformanceScoreFiles().stream().filter(f -> !isCheckCase(f.getPayload().getParent())).toList();
    }

    static List<Path> checkCases() {
        return Resources.conformanceCases().stream().filter(ConformanceFilesTest::isCheckCase).toList();
    }

    @Test
    void theOneCopyHoldsBothKindsOfCase() {
        assertThat(scoringCases()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(checkCases()).hasSizeGreaterThanOrEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoringCases")
    void scoringCasesParseWithoutAnyDiagnostic(Path file) {
        Resources.assumeImplemented(file.getParent());
        ParseResult r = ScoreParser.parse(file.getFileName().toString(), Resources.read(file));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.definitions()).isNotEmpty();
    }

    /** As shared/conformance/run reads expect-check: {@code exit N}, and {@code error LINE [TEXT]} lines. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkCases")
    void checkCasesGiveTheErrorsTheirExpectCheckNames(Path caseDir) {
        Resources.assumeImplemented(caseDir);
        List<Diagnostic> errors = Resources.files(caseDir, ".score").stream()
                .flatMap(f -> ScoreParser.parse(f.getFileName().toString(), Resources.read(f)).errors().stream())
                .toList();
        for (String line : Resources.read(caseDir.resolve("expect-check")).lines().map(String::strip).toList()) {
            String[] parts = line.split("\\s+", 3);
            if (parts[0].equals("exit")) {
                assertThat(errors.isEmpty()).as("no error (exit 0); errors: %s", errors).isEqualTo(parts[1].equals("0"));
            } else if (parts[0].equals("error")) {
                int at = Integer.parseInt(parts[1]);
                String text = parts.length > 2 ? parts[2].toLowerCase() : "";
                assertThat(errors).as("an error at line %d mentioning \"%s\"", at, text)
                        .anyMatch(d -> d.position().line() == at && d.format().toLowerCase().contains(text));
            }
        }
    }

    @Test
    void checkCasesReportTheExpectedCodes() {
        Map<String, List<String>> expected = Map.of(
                "20-check-valid/ok.score", List.of(),
                "21-check-health-sum/health.score", List.of("1:SL407"),
                "22-check-unknown-operator/op.score", List.of("4:SL203"),
                "23-check-decay-interval/decay.score", List.of("4:SL409"),
                "24-check-rule-kind/kind.score", List.of("5:SL401"),
                "25-check-several-errors/many.score", List.of("5:SL309", "6:SL206", "7:SL412"),
                "26-check-unterminated-string/str.score", List.of("4:SL101"));
        expected.forEach((name, lines) -> {
            ParseResult r = parseCaseFile(name);
            assertThat(r.diagnostics().stream().map(d -> d.position().line() + ":" + d.code()).toList())
                    .as(name).containsExactlyElementsOf(lines);
        });
        assertThat(parseCaseFile("21-check-health-sum/health.score").errors().get(0).message()).contains("95");
        assertThat(parseCaseFile("22-check-unknown-operator/op.score").errors().get(0).format())
                .contains("unknown operator \"equals\"; did you mean \"is\"?");
    }

    private static ParseResult parseCaseFile(String caseAndFile) {
        Path file = Resources.folder("conformance/cases").resolve(caseAndFile);
        return ScoreParser.parse(file.getFileName().toString(), Resources.read(file));
    }
}
