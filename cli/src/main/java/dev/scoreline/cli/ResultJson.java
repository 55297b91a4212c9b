package dev.scoreline.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scoreline.api.ScoreResult;
import java.io.IOException;
import java.io.Writer;

/** Writes score results as the JSON Lines of data-and-cli.md, one object per line: {@link ScoreResult#fields()}. */
final class ResultJson implements AutoCloseable {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Writer out;
    private final JsonGenerator json;

    ResultJson(Writer out) throws IOException {
        this.out = out;
        this.json = MAPPER.createGenerator(out);
        json.setRootValueSeparator(null);
    }

    void write(ScoreResult r) throws IOException {
        MAPPER.writeValue(json, r.fields());
        json.flush();
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
