package dev.scoreline.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test resource folders. */
final class Resources {

    private Resources() { }

    static Path folder(String name) {
        try {
            return Path.of(Resources.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> s = Files.list(folder(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one text that must be free of diagnostics. */
    static ParseResult clean(String text) {
        ParseResult r = ScoreParser.parse("t.score", text);
        org.assertj.core.api.Assertions.assertThat(r.diagnostics()).as("diagnostics of:%n%s", text).isEmpty();
        return r;
    }

    /** The formatted diagnostics of one text named {@code t.score}. */
    static List<String> diagnostics(String text) {
        return ScoreParser.parse("t.score", text).diagnostics().stream().map(Diagnostic::format).toList();
    }
}
