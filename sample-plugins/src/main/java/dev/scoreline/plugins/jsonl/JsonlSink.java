package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.WholeLineFile;
import dev.scoreline.plugins.internal.FileSink;
import dev.scoreline.plugins.internal.UpdateJson;

import java.nio.file.Path;

/**
 * Appends one JSON line per score update to a file, {@link ScoreUpdate#fields()} as JSON:
 * {@code {"score":"Lead score","record":"contact:c1","value":29,"status":"Low","groups":{...},
 * "properties":{"lead_score":29,"lead_score_status":"Low"},"previousValue":10,"previousStatus":"Low",
 * "at":"...","cause":"..."}}. Each accepted batch is
 * appended whole (never half a line, even on a full disk) before {@link #write} returns;
 * {@link #flush} forces it to disk.
 */
public final class JsonlSink extends FileSink {

    public JsonlSink(Path file) {
        this(file, WholeLineFile.FILES);
    }

    /** A sink whose file is opened through {@code opener} (a test's full disk, another file system). */
    public JsonlSink(Path file, WholeLineFile.Opener opener) {
        super(file, "", opener);
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    protected void append(ScoreUpdate update, StringBuilder text) {
        text.append(UpdateJson.line(update.fields())).append('\n');
    }
}
