package dev.scoreline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.flink.internal.FactsCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FactsCodecTest {

    /** A value keeps its Java type and scale across the wire: the engine reads "5.0" and 5L as what they are. */
    @Test
    void recordValuesKeepTheirTypes() throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("text", "é" + "x".repeat(70_000)); // longer than writeUTF takes
        props.put("decimal", new BigDecimal("5.00"));
        props.put("long", 5L);
        props.put("int", 7);
        props.put("double", 4.5);
        props.put("flag", true);
        props.put("none", null);
        props.put("many", new ArrayList<>(Arrays.asList("a", 1L, null, new BigDecimal("2.50"))));
        CrmRecord record = new CrmRecord(new RecordKey("contact", "c:1"), props, List.of("VIP", "Trial"));
        DataOutputSerializer out = new DataOutputSerializer(64);
        FactsCodec.writeRecord(record, out);
        CrmRecord back = FactsCodec.readRecord(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        assertThat(back).isEqualTo(record);
        back.properties().forEach((k, v) -> assertThat(v == null ? null : v.getClass())
                .as(k).isEqualTo(props.get(k) == null ? null : props.get(k).getClass()));
        assertThat(back.properties().get("decimal")).hasToString("5.00");
    }

    /** A bundle's events are written without their owner's key, which is the bundle's; another record's event keeps its own. */
    @Test
    void eventsOfAnOwnerComeBackWithTheirKeys() throws Exception {
        RecordKey owner = new RecordKey("contact", "c1");
        RecordKey other = new RecordKey("contact", "c2");
        List<CrmEvent> events = List.of(
                new CrmEvent(owner, "page_view", Instant.parse("2026-02-01T10:00:00.123456789Z"), Map.of("url", "/pricing")),
                new CrmEvent(other, "meeting", Instant.parse("2026-02-02T00:00:00Z"), Map.of()),
                new CrmEvent(owner, "form", Instant.parse("1999-12-31T23:59:59Z"), Map.of("n", 5L)));
        DataOutputSerializer out = new DataOutputSerializer(64);
        FactsCodec.writeEventsOf(owner, events, out);
        DataOutputSerializer each = new DataOutputSerializer(64);
        FactsCodec.writeList(events, each, FactsCodec::writeEvent);
        assertThat(out.length()).as("the owner's key is not repeated").isLessThan(each.length());
        assertThat(FactsCodec.readEventsOf(owner, new DataInputDeserializer(out.getSharedBuffer(), 0, out.length())))
                .isEqualTo(events);
    }
}
