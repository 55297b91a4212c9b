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
 * What the file adapters check when they open a folder: that it exists and holds a file they read.
 * A missing folder (a mistyped path) is {@code SL801}; a folder without such a file (an empty one,
 * or csv exports given to the jsonl adapter) is {@code SL803}, with the adapter to choose when the
 * files are another's. Either would otherwise read as a CRM with no record — and a run with a
 * store would then clear every score it holds, as records that left the scope.
 */
public final class DataFolder {

    private DataFolder() { }

    /**
     * Fails with {@code SL801} when {@code dir} is not a folder, with {@code SL803} when it holds no
     * file that {@code known} accepts; {@code wanted} names those files in the message.
     */
    public static void requireKnownFiles(Path dir, String adapter, Predicate<String> known, String wanted) {
        if (!Files.isDirectory(dir)) {
            throw new ScorelineException(ErrorCode.DATA_MISSING, "the data folder " + dir + (Files.exists(dir)
                    ? " is a file, not a folder" : " does not exist"), "check the " + adapter + " adapter's dir"
                    + " (a relative one is read from the config's folder), or create the folder with " + wanted);
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
