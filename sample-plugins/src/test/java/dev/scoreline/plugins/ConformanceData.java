package dev.scoreline.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The data folders (jsonl) of the conformance cases, read from the repository's one copy of the
 * cases (conformance/cases); the tests derive each adapter's form of them (csv, tables) at run time.
 */
public final class ConformanceData {

    private ConformanceData() { }

    public static Path root() {
        try {
            return Path.of(Objects.requireNonNull(ConformanceData.class.getResource("/conformance/cases"),
                    "the conformance cases are not on the test class path").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cases that have data (check cases have none). */
    public static List<String> cases() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("data"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case's data folder. */
    public static Path dir(String name) {
        return root().resolve(name).resolve("data");
    }
}
