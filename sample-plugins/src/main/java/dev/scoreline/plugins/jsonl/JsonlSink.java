package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.AppendFile;
import dev.scoreline.plugins.internal.UpdateJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends one JSON line per score update to a file, {@link ScoreUpdate#fields()} as JSON:
 * {@code {"score":"Lead score","record":"contact:c1","value":29,"status":"Low","groups":{...},
 * "previousValue":10,"previousStatus":"Low","at":"...","cause":"..."}}. Each accepted batch is
 * handed to the operating system before {@link #write} returns; {@link #flush} forces it to disk.
 */
public final class JsonlSink implements ScoreSink {

    private final AppendFile file;

    public JsonlSink(Path file) {
        this.file = new AppendFile(file, "");
    }

    @Override
    public String name() {
        return "jsonl";
    }

    public Path file() {
        return file.path();
    }

    @Override
    public void open() throws IOException {
        file.open();
    }

    @Override
    public void write(List<ScoreUpdate> updates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate update : updates) {
            text.append(UpdateJson.line(update.fields())).append('\n');
        }
        file.append(text);
    }

    @Override
    public void flush() throws IOException {
        file.flush();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
