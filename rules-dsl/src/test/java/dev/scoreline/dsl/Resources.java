package dev.scoreline.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;

/** The test resource folders. */
final class Resources {

    private Resources() { }

    static Path folder(String name) {
        var url = Resources.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name + " on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String folder, String suffix) {
        return files(folder(folder), suffix);
    }

    static List<Path> files(Path folder, String suffix) {
        return list(folder, p -> p.getFileName().toString().endsWith(suffix));
    }

    /**
     * The conformance case folders, sorted: the repository's one copy of the shared cases,
     * conformance/cases, then the project's own, conformance/project-cases (conformance/README.md).
     */
    static List<Path> conformanceCases() {
        List<Path> cases = new java.util.ArrayList<>(list(folder("conformance/cases"), Files::isDirectory));
        cases.addAll(list(folder("conformance/project-cases"), Files::isDirectory));
        return cases;
    }

    private static List<Path> list(Path folder, Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The score files of every conformance case, each named CASE/FILE. */
    static List<Named<Path>> conformanceScoreFiles() {
        return conformanceCases().stream().flatMap(c -> files(c, ".score").stream())
                .map(f -> Named.of(f.getParent().getFileName() + "/" + f.getFileName(), f)).toList();
    }

    /** Skips (a JUnit assumption, with the reason) a case that conformance/not-yet-implemented names. */
    static void assumeImplemented(Path caseDir) {
        String name = caseDir.getFileName().toString();
        read(folder("conformance/not-yet-implemented")).lines().filter(l -> l.startsWith(name + " "))
                .findFirst().ifPresent(l -> Assumptions.abort(l.substring(name.length()).strip()));
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
