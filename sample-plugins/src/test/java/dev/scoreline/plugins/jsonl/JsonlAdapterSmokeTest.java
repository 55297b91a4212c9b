package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlAdapterSmokeTest {

    @Test
    void readsRecordsExactly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("records.jsonl"),
                "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"x\":2.5,\"y\":2.50,\"s\":[\"a\",\"b\"]},\"lists\":[\"L\"]}\n\n{bad\n");
        List<String> bad = new ArrayList<>();
        JsonlAdapter adapter = new JsonlAdapter(dir);
        adapter.open(new DataProblems() {
            public void badLine(String s, long l, String r) { bad.add(s + ":" + l + ":" + r); }
            public void warning(String s, long l, String m) { }
        });
        List<CrmRecord> records;
        try (Stream<CrmRecord> s = adapter.records()) {
            records = s.toList();
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).properties().get("x")).isEqualTo(new BigDecimal("2.5"));
        assertThat(records.get(0).properties().get("y")).isEqualTo(new BigDecimal("2.50"));
        assertThat(records.get(0).lists()).containsExactly("L");
        assertThat(bad).hasSize(1).first().asString().startsWith("records.jsonl:3:");
    }
}
