package dev.scoreline.plugins.internal;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * The life of a file sink's file, for the jsonl and csv sinks: opened on first use with its
 * folders, a header written when the file is new, each batch's text handed to the operating
 * system before {@link #write} returns, forced to disk on {@link #flush}, closed once (a later
 * write opens it again). A subclass only says how an update is written.
 */
public abstract class FileSink implements ScoreSink {

    private final Path file;
    private final String header;
    private FileChannel channel;
    private Writer out;

    /** @param header text written first when the file is new or empty ({@code ""} for none) */
    protected FileSink(Path file, String header) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = Objects.requireNonNull(header, "header");
    }

    /** Appends one update's text (its line or row, line break included). */
    protected abstract void append(ScoreUpdate update, StringBuilder text);

    /** The file this sink appends to. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void open() throws IOException {
        if (out != null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
        if (!header.isEmpty() && channel.size() == 0) {
            out.write(header);
            out.flush();
        }
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate update : updates) {
            append(update, text);
        }
        open();
        out.append(text);
        out.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
            channel.force(false);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            flush();
            out.close();
            out = null;
            channel = null;
        }
    }
}
