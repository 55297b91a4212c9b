package dev.scoreline.plugins.internal;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.WholeLineFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The life of a file sink's file, for the jsonl and csv sinks: opened on first use with its
 * folders (a torn last line, left by a crash or a full disk, is cut off then), a header written
 * when the file is new, each batch appended whole or not at all ({@link WholeLineFile}: a failed
 * append truncates the file back, so it never leaves half a line for the next one to join),
 * forced to disk on {@link #flush}, closed once (a later write opens it again). A subclass only
 * says how an update is written.
 */
public abstract class FileSink implements ScoreSink {

    private final Path file;
    private final String header;
    private final WholeLineFile.Opener opener;
    private WholeLineFile lines;

    /**
     * @param header text written first when the file is new or empty ({@code ""} for none)
     * @param opener how the file is opened ({@link WholeLineFile#FILES}, or a test's full disk)
     */
    protected FileSink(Path file, String header, WholeLineFile.Opener opener) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = Objects.requireNonNull(header, "header");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Appends one update's text (its line or row, line break included). */
    protected abstract void append(ScoreUpdate update, StringBuilder text);

    /** The file this sink appends to. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void open() throws IOException {
        if (lines != null) {
            return;
        }
        lines = WholeLineFile.open(file, opener);
        if (!header.isEmpty() && lines.size() == 0) {
            try {
                lines.append(header.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                close();
                throw e;
            }
        }
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate update : updates) {
            append(update, text);
        }
        open();
        lines.append(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        if (lines != null) {
            lines.force();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (lines != null) {
            WholeLineFile closing = lines;
            lines = null;
            try {
                closing.force();
            } finally {
                closing.close();
            }
        }
    }
}
