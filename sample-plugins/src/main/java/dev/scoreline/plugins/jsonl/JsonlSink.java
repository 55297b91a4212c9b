package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.UpdateJson;

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
 * Appends one JSON line per score update to a file:
 * {@code {"score":"Lead score","record":"contact:c1","value":29,"status":"Low","groups":{...},
 * "previousValue":10,"previousStatus":"Low","at":"...","cause":"..."}}. Each accepted batch is
 * handed to the operating system before {@link #write} returns; {@link #flush} forces it to disk.
 */
public final class JsonlSink implements ScoreSink {

    private final Path file;
    private FileChannel channel;
    private Writer out;

    public JsonlSink(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
        return "jsonl";
    }

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
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws IOException {
        if (out == null) {
            open();
        }
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate update : updates) {
            text.append(UpdateJson.line(UpdateJson.fields(update))).append('\n');
        }
        out.write(text.toString());
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
