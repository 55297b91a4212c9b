package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/diagnostics.md lists every {@link ErrorCode}: a section of its own, a row of the table with
 * the exit code the command line really gives it, and, where a golden file holds the text, that
 * text. A missing doc fails the test.
 */
class ErrorCodeDocTest {

    /** The module's folder is the working directory of its tests; the docs are beside it. */
    private static final Path DOC = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/diagnostics.md");

    @Test
    void everyCodeHasASectionAndARowWithItsExitCode() throws IOException {
        assertThat(DOC).as("docs/diagnostics.md").exists();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).as(code.name()).contains("\n## " + code.code() + "\n");
            Matcher row = Pattern.compile("\\| \\[" + code.code() + "]\\(#" + code.code().toLowerCase(java.util.Locale.ROOT)
                    + "\\) \\| [^|]+ \\| (\\d+) \\|").matcher(doc);
            assertThat(row.find()).as("the table row of " + code.code()).isTrue();
            assertThat(Integer.parseInt(row.group(1))).as("the exit code of " + code.code())
                    .isEqualTo(Main.exitCode(code));
        }
    }

    @Test
    void theExamplesAreTheGoldenFilesText() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Path> goldens;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/errors"))) {
            goldens = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(goldens).isNotEmpty();
        for (Path golden : goldens) {
            for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) {
                assertThat(doc).as("docs/diagnostics.md shows " + golden.getFileName()).contains(line);
            }
        }
    }
}
