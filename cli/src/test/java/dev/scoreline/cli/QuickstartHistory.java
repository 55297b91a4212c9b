package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The quickstart (examples/quickstart) copied to a folder and run once a month, Dec 2025 to Mar
 * 2026, so its embedded store holds a history with causes: what the card and report draw.
 */
final class QuickstartHistory {

    static final Path QUICKSTART = Path.of("../examples/quickstart");
    static final String[] MONTHS = {"2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"};

    private QuickstartHistory() { }

    /** The copied quickstart's config file, after the monthly runs. */
    static Path build(Path dir) {
        try {
            copy(QUICKSTART, dir);
            Path config = dir.resolve("scoreline.yaml");
            String text = Files.readString(config);
            for (String month : MONTHS) {
                Files.writeString(config, text.replaceAll("(?m)^as-of: .*$", "as-of: " + month + "T00:00:00Z"));
                CliRunner r = CliRunner.run("run", config.toString());
                assertThat(r.exit()).as(r.err()).isZero();
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out") || rel.startsWith("scoreline-data")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
