package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The file a file sink appends to (jsonl, csv): opened on first use with its folders, a header
 * written when the file is new, each batch's text handed to the operating system before
 * {@link #append} returns, forced to disk on {@link #flush}, and closed once (a later append
 * opens it again).
 */
public final class AppendFile {

    private final Path file;
    private final String header;
    private FileChannel channel;
    private Writer out;

    /** @param header text written first when the file is new or empty ({@code ""} for none) */
    public AppendFile(Path file, String header) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = Objects.requireNonNull(header, "header");
    }

    public Path path() {
        return file;
    }

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

    /** Appends the text, opening the file first when it is not open. */
    public synchronized void append(CharSequence text) throws IOException {
        open();
        out.append(text);
        out.flush();
    }

    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
            channel.force(false);
        }
    }

    public synchronized void close() throws IOException {
        if (out != null) {
            flush();
            out.close();
            out = null;
            channel = null;
        }
    }
}
