package dev.scoreline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.scoreline.api.ScoreResult;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;

/** Writes score results as the JSON Lines of data-and-cli.md, one object per line. */
final class ResultJson implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Writer out;
    private final JsonGenerator json;

    ResultJson(Writer out) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out);
        json.setRootValueSeparator(null);
    }

    void write(ScoreResult r) throws IOException {
        json.writeStartObject();
        json.writeStringField("score", r.score());
        json.writeStringField("record", r.record().toString());
        json.writeNumberField("value", r.value());
        json.writeStringField("status", r.status());
        json.writeObjectFieldStart("groups");
        for (Map.Entry<String, BigDecimal> g : r.groups().entrySet()) {
            json.writeNumberField(g.getKey(), g.getValue());
        }
        json.writeEndObject();
        if (r.isCombined()) {
            json.writeNumberField("engagement", r.engagement());
            json.writeNumberField("fit", r.fit());
        }
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
