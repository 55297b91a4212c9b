package dev.scoreline.plugins.internal;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the file adapters check when they open a folder: that it holds a file they read. A folder
 * without one (an empty one, or csv exports given to the jsonl adapter) would otherwise score no
 * record in silence; it is {@code SL803}, with the adapter to choose when the files are another's.
 */
public final class DataFolder {

    private DataFolder() { }

    /**
     * Fails with {@code SL803} when the existing folder {@code dir} holds no file that {@code known}
     * accepts; {@code wanted} names those files in the message. A missing folder is left to the
     * adapter (it warns: there is no data).
     */
    public static void requireKnownFiles(Path dir, String adapter, Predicate<String> known, String wanted) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.DATA_UNREADABLE, "cannot list the data folder " + dir + ": "
                    + e.getMessage(), "check that the folder can be read", e);
        }
        if (names.stream().anyMatch(known)) {
            return;
        }
        String fix = other(names, "csv", adapter).or(() -> other(names, "jsonl", adapter))
                .map(a -> "these are files of the " + a + " adapter: choose it (adapter: {name: " + a + ", dir: …}, or --adapter " + a + ")")
                .orElse("give the folder that holds " + wanted + ", or put them in this one");
        throw new ScorelineException(ErrorCode.DATA_NO_FILES, "the data folder " + dir + " has no " + wanted
                + (names.isEmpty() ? " (it is empty)" : ""), fix);
    }

    /** The adapter named by the extension most of the folder's files have, when it is not {@code adapter}. */
    private static java.util.Optional<String> other(List<String> names, String extension, String adapter) {
        boolean theirs = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("." + extension));
        return theirs && !extension.equals(adapter) ? java.util.Optional.of(extension) : java.util.Optional.empty();
    }
}
