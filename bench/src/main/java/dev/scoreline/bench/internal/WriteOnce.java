package dev.scoreline.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of bench data written once: a marker file holds what it was written from, and the
 * folder is written again only when that changes (or the marker is missing: an interrupted write).
 */
public final class WriteOnce {

    /** Writes the folder's files. */
    public interface Writing {
        void write() throws IOException;
    }

    private WriteOnce() { }

    /** Runs {@code writing} unless {@code marker} holds {@code from}; then records {@code from}; true when it wrote. */
    public static boolean unless(Path marker, String from, Writing writing) throws IOException {
        if (Files.exists(marker) && Files.readString(marker).equals(from)) {
            return false;
        }
        writing.write();
        Files.writeString(marker, from);
        return true;
    }
}
