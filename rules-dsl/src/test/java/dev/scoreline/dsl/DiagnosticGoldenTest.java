package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact text of every diagnostic: diagnostics/CODE.score gives exactly the lines of
 * diagnostics/CODE.expected (so no follow-on error sneaks in either).
 */
class DiagnosticGoldenTest {

    static List<Path> goldenFiles() {
        return Resources.files("diagnostics", ".score");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void diagnosticsMatchTheGoldenFile(Path score) {
        String name = score.getFileName().toString();
        Path expected = score.resolveSibling(name.replace(".score", ".expected"));
        ParseResult result = ScoreParser.parse(name, Resources.read(score));
        List<String> actual = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertThat(actual).containsExactlyElementsOf(Resources.read(expected).lines().toList());
    }

    @Test
    void everyCodeHasAGoldenFileThatShowsIt() {
        for (DiagnosticCode code : DiagnosticCode.values()) {
            Path expected = Resources.folder("diagnostics").resolve(code.code() + ".expected");
            assertThat(expected).as("golden file of %s", code).exists();
            assertThat(Resources.read(expected)).as("golden file of %s", code)
                    .contains("[" + code.code() + "]")
                    .contains(": " + code.severity().word() + ": ");
        }
    }

    @Test
    void codesAreUniqueAndDocumented() {
        assertThat(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code)).doesNotHaveDuplicates();
        // The tests run in rules-dsl/: the page is the project's docs/diagnostics.md. A missing page fails.
        Path doc = Path.of("..", "docs", "diagnostics.md");
        assertThat(doc).as("the page that documents every code").isRegularFile();
        String text = Resources.read(doc);
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertThat(text).as("docs/diagnostics.md").contains("## " + code.code());
            // The examples of the page are the golden output, word for word.
            Path expected = Resources.folder("diagnostics").resolve(code.code() + ".expected");
            Resources.read(expected).lines().forEach(line -> assertThat(text).as("docs/diagnostics.md").contains(line));
        }
    }
}
