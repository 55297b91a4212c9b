package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.testkit.AdapterContents;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.plugins.internal.FilePosition;
import dev.scoreline.testkit.RecordedProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JsonlAdapterTest {

    private static void write(Path dir, String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void readsValuesExactlyAsWritten(@TempDir Path dir) throws Exception {
        write(dir, "records.jsonl",
                "\uFEFF{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"a\":2.5,\"b\":2.50,\"c\":100,\"d\":1e3,"
                        + "\"e\":true,\"f\":null,\"g\":[\"x\",1,false,null],\"h\":\"\",\"big\":123456789012345678901234567890},"
                        + "\"lists\":[\"Newsletter\"]}",
                "",
                "   ",
                "{\"type\":\"company\",\"id\":42}\r");
        AdapterContents read = AdapterTestKit.read(new JsonlAdapter(dir));

        assertThat(read.problems().all()).isEmpty();
        CrmRecord c1 = read.records().get(0);
        assertThat(c1.key().toString()).isEqualTo("contact:c1");
        assertThat(c1.properties()).containsExactly(
                entry("a", new BigDecimal("2.5")), entry("b", new BigDecimal("2.50")), entry("c", new BigDecimal("100")),
                entry("d", new BigDecimal("1e3")), entry("e", true), entry("f", null),
                entry("g", Arrays.asList("x", new BigDecimal("1"), false, null)), entry("h", ""),
                entry("big", new BigDecimal("123456789012345678901234567890")));
        assertThat(((BigDecimal) c1.properties().get("b")).scale()).isEqualTo(2);
        assertThat(c1.lists()).containsExactly("Newsletter");
        assertThat(read.records().get(1).key().toString()).isEqualTo("company:42");
    }

    @Test
    void readsEveryFormOfEventTime(@TempDir Path dir) throws Exception {
        write(dir, "events.jsonl",
                "{\"record\":\"contact:c1\",\"type\":\"a\",\"at\":\"2026-01-02T10:00:00Z\"}",
                "{\"record\":\"contact:c1\",\"type\":\"b\",\"at\":\"2026-01-02T12:00:00+02:00\"}",
                "{\"record\":\"contact:c1\",\"type\":\"c\",\"at\":1767348000000}",
                "{\"record\":\"contact:c1\",\"type\":\"d\",\"at\":\"1767348000000\"}",
                "{\"record\":\"contact:c1\",\"type\":\"e\",\"at\":\"2026-01-02\",\"properties\":{\"form\":\"Contact us\"}}",
                "{\"record\":\"deal:x:y\",\"type\":\"f\",\"at\":\"2026-01-02T10:00:00.123Z\"}");
        AdapterContents read = AdapterTestKit.read(new JsonlAdapter(dir));

        assertThat(read.problems().all()).isEmpty();
        Instant ten = Instant.parse("2026-01-02T10:00:00Z");
        assertThat(read.events()).extracting(CrmEvent::at).containsExactly(ten, ten, ten, ten,
                Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-02T10:00:00.123Z"));
        assertThat(read.events().get(4).properties()).isEqualTo(Map.of("form", "Contact us"));
        assertThat(read.events().get(5).record().id()).isEqualTo("x:y");
    }

    @Test
    void everyKindOfBadLineIsSkippedAndReportedWithItsLocation(@TempDir Path dir) throws Exception {
        write(dir, "records.jsonl",
                "{\"type\":\"contact\",\"id\":\"ok1\"}",
                "{\"type\":\"contact\",\"id\":\"c1\"",                       // 2 invalid JSON
                "[1,2]",                                                      // 3 not an object
                "{\"id\":\"c1\"}",                                            // 4 no type
                "{\"type\":\"contact\",\"id\":\"\"}",                         // 5 empty id
                "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":[1]}",    // 6 properties not an object
                "{\"type\":\"con:tact\",\"id\":\"c1\"}",                      // 7 type with a colon
                "{\"type\":\"contact\",\"id\":\"c1\",\"lists\":\"VIP\"}",     // 8 lists not an array
                "{\"type\":\"contact\",\"id\":\"c1\"} {\"x\":1}",             // 9 trailing content
                "{\"type\":\"contact\",\"id\":\"c1\",\"id\":\"c2\"}",         // 10 duplicate field
                "{\"type\":\"contact\",\"id\":\"ok2\",\"properties\":{\"o\":{\"a\":1},\"n\":[[1]],\"k\":\"v\"}}");  // 11 kept
        write(dir, "events.jsonl",
                "{\"record\":\"contact\",\"type\":\"x\",\"at\":\"2026-01-01\"}",        // 1 key without type:id
                "{\"record\":\"contact:c1\",\"type\":\"x\",\"at\":\"yesterday\"}",     // 2 unreadable at
                "{\"record\":\"contact:c1\",\"type\":\"x\",\"at\":\"2026-01-02T10:00:00\"}",  // 3 no offset
                "{\"record\":\"contact:c1\",\"type\":\"x\"}",                         // 4 no at
                "{\"record\":\"contact:c1\",\"type\":\"x\",\"at\":1.5}",              // 5 fractional millis
                "{\"record\":\"contact:c1\",\"at\":\"2026-01-01\"}",                  // 6 no type
                "{\"record\":\"contact:c1\",\"type\":\"ok\",\"at\":\"2026-01-01\"}");
        write(dir, "associations.jsonl",
                "{\"from\":\"contact:c1\"}",                                          // 1 no to
                "{\"from\":\"contact:c1\",\"to\":\"company:a1\",\"labels\":[1]}",     // 2 label not text
                "{\"from\":\"contact:c1\",\"to\":\":a1\"}",                           // 3 key without type
                "{\"from\":\"contact:c1\",\"to\":\"company:a1\",\"labels\":[\"Primary\"]}");
        AdapterContents read = AdapterTestKit.read(new JsonlAdapter(dir));
        RecordedProblems problems = read.problems();

        assertThat(read.records()).extracting(r -> r.key().id()).containsExactly("ok1", "ok2");
        assertThat(read.records().get(1).properties()).isEqualTo(Map.of("k", "v"));
        assertThat(read.events()).extracting(CrmEvent::type).containsExactly("ok");
        assertThat(read.associations()).hasSize(1);
        assertThat(problems.badLineLocations()).containsExactly(
                "records.jsonl:2", "records.jsonl:3", "records.jsonl:4", "records.jsonl:5", "records.jsonl:6",
                "records.jsonl:7", "records.jsonl:8", "records.jsonl:9", "records.jsonl:10",
                "events.jsonl:1", "events.jsonl:2", "events.jsonl:3", "events.jsonl:4", "events.jsonl:5",
                "events.jsonl:6",
                "associations.jsonl:1", "associations.jsonl:2", "associations.jsonl:3");
        List<String> reasons = problems.badLines().stream().map(RecordedProblems.Problem::message).toList();
        assertThat(reasons.get(0)).startsWith("not valid JSON");
        assertThat(reasons.get(1)).isEqualTo("expected a JSON object, got an array");
        assertThat(reasons.get(2)).isEqualTo("missing required field \"type\"");
        assertThat(reasons.get(3)).isEqualTo("required field \"id\" is empty");
        assertThat(reasons.get(4)).isEqualTo("\"properties\" must be an object, got an array");
        assertThat(reasons.get(8)).contains("Duplicate field 'id'");
        assertThat(reasons.get(9)).isEqualTo("\"record\" is not a record key written type:id: \"contact\"");
        assertThat(reasons.get(10)).contains("\"yesterday\"");
        assertThat(reasons.get(12)).isEqualTo("missing required field \"at\"");
        assertThat(problems.warnings()).extracting(p -> p.source() + ":" + p.line() + " " + p.message()).containsExactly(
                "records.jsonl:11 property \"o\" dropped: a property value cannot be an object",
                "records.jsonl:11 property \"n\" dropped: an array may hold only strings, numbers, booleans and null, not arrays or objects");
    }

    @Test
    void invalidUtf8IsOneBadLineNotAFailedFile(@TempDir Path dir) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve("records.jsonl"))) {
            out.write("{\"type\":\"contact\",\"id\":\"\u00e9\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            out.write("{\"type\":\"contact\",\"id\":\"c3\"}".getBytes(StandardCharsets.UTF_8));  // no final newline
        }
        AdapterContents read = AdapterTestKit.read(new JsonlAdapter(dir));
        assertThat(read.records()).extracting(r -> r.key().id()).containsExactly("\u00e9", "c3");
        assertThat(read.problems().badLineLocations()).containsExactly("records.jsonl:2");
    }

    @Test
    void unknownFieldsAreReportedOncePerFile(@TempDir Path dir) throws Exception {
        write(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c1\",\"propertes\":{}}",
                "{\"type\":\"contact\",\"id\":\"c2\",\"propertes\":{}}");
        RecordedProblems problems = AdapterTestKit.read(new JsonlAdapter(dir)).problems();
        assertThat(problems.warnings()).singleElement().asString().contains("records.jsonl:1", "\"propertes\" is not used");
    }

    @Test
    void missingFilesAreEmptyAndStreamsAreLazy(@TempDir Path dir) throws Exception {
        // An empty folder is SL803 (DataInUsersWordsTest); a folder with one of the files reads the others as empty.
        // A million lines, read one at a time: the file never sits in memory, and closing early is fine.
        Path file = dir.resolve("events.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < 200_000; i++) {
                out.write("{\"record\":\"contact:c" + i + "\",\"type\":\"open\",\"at\":" + (1_700_000_000_000L + i) + "}\n");
            }
        }
        assertThat(AdapterTestKit.read(new JsonlAdapter(dir)).records()).isEmpty();
        JsonlAdapter adapter = new JsonlAdapter(dir);
        adapter.open(new RecordedProblems());
        try (Stream<CrmEvent> events = adapter.events()) {
            Iterator<CrmEvent> it = events.iterator();
            assertThat(it.next().record().id()).isEqualTo("c0");
            assertThat(it.next().record().id()).isEqualTo("c1");
        }
        try (Stream<CrmEvent> events = adapter.events()) {
            assertThat(events.count()).isEqualTo(200_000);
        }
    }

    @Test
    void theChangeFeedReportsAppendedLinesAfterAWatermark(@TempDir Path dir) throws Exception {
        write(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c1\"}");
        write(dir, "events.jsonl", "{\"record\":\"contact:c1\",\"type\":\"a\",\"at\":\"2026-01-02T10:00:00Z\"}", "");
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new JsonlAdapter(dir), dev.scoreline.api.DataProblems.IGNORE);
        String now = feed.currentWatermark();
        assertThat(now).isEqualTo(feed.changesSince(null).nextWatermark());
        assertThat(FilePosition.parse("jsonl", now)).containsOnlyKeys("records.jsonl", "events.jsonl")
                .hasEntrySatisfying("events.jsonl", p -> assertThat(p.lines()).isEqualTo(2));
        assertThat(feed.changesSince(now).changes()).isEmpty();

        Files.writeString(dir.resolve("events.jsonl"), "{\"record\":\"contact:c1\",\"type\":\"b\",\"at\":\"2026-01-03T10:00:00Z\"}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        write(dir, "associations.jsonl", "{\"from\":\"contact:c1\",\"to\":\"company:a1\"}");
        dev.scoreline.api.ChangeFeed.Batch batch = feed.changesSince(now);
        assertThat(batch.changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("AssociationAdded", "EventAppended");
        assertThat(((dev.scoreline.api.DataChange.EventAppended) batch.changes().get(1)).event().type()).isEqualTo("b");
        assertThat(batch.nextWatermark()).isEqualTo(feed.currentWatermark());
        assertThat(FilePosition.parse("jsonl", batch.nextWatermark()))
                .hasEntrySatisfying("events.jsonl", p -> assertThat(p.lines()).isEqualTo(3))
                .hasEntrySatisfying("associations.jsonl", p -> assertThat(p.offset())
                        .isEqualTo(dir.resolve("associations.jsonl").toFile().length()));
    }

    @Test
    void aFileRewrittenWithTheSameLengthIsReportedAsRewritten(@TempDir Path dir) throws Exception {
        write(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"jobtitle\":\"CTO\"}}");
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new JsonlAdapter(dir), dev.scoreline.api.DataProblems.IGNORE);
        String start = feed.currentWatermark();
        write(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"jobtitle\":\"CFO\"}}");
        assertThatThrownBy(() -> feed.changesSince(start)).isInstanceOf(dev.scoreline.api.ChangeFeed.SourceRewritten.class)
                .hasMessage("records.jsonl was rewritten (same length, the bytes the last run read differ)");
        write(dir, "records.jsonl", "{\"type\":\"contact\",\"id\":\"c1\"}");
        assertThatThrownBy(() -> feed.changesSince(start)).hasMessageStartingWith("records.jsonl was rewritten (it has 29 bytes, fewer than the ");
        Files.delete(dir.resolve("records.jsonl"));
        assertThatThrownBy(() -> feed.changesSince(start)).hasMessage("records.jsonl was rewritten (it was removed)");
    }

    @Test
    void aPollReadsOnlyTheBytesAppendedAndKeepsTheLineNumbers(@TempDir Path dir) throws Exception {
        // Large enough that its middle lies outside the fingerprint's samples (64 KiB at each end).
        String[] lines = new String[5000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "{\"record\":\"contact:c" + i + "\",\"type\":\"a\",\"at\":\"2026-01-02T10:00:00Z\"}";
        }
        write(dir, "events.jsonl", lines);
        RecordedProblems problems = new RecordedProblems();
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new JsonlAdapter(dir), problems);
        String start = feed.currentWatermark();
        // Spoil a line already read, in place: a poll that re-read old bytes would report it as bad.
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("events.jsonl").toFile(), "rw")) {
            f.seek(Files.size(dir.resolve("events.jsonl")) / 2);
            f.write('#');
        }
        Files.writeString(dir.resolve("events.jsonl"), "{\"record\":\"contact:c1\",\"type\":\"b\",\"at\":\"2026-01-03T10:00:00Z\"}\n"
                + "not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        dev.scoreline.api.ChangeFeed.Batch batch = feed.changesSince(start);
        assertThat(batch.changes()).singleElement().satisfies(c ->
                assertThat(((dev.scoreline.api.DataChange.EventAppended) c).event().type()).isEqualTo("b"));
        assertThat(problems.badLines()).singleElement().asString().contains("events.jsonl:5002");
    }

    @Test
    void theChangeFeedWaitsForALineStillBeingWritten(@TempDir Path dir) throws Exception {
        write(dir, "events.jsonl", "{\"record\":\"contact:c1\",\"type\":\"a\",\"at\":\"2026-01-02T10:00:00Z\"}");
        RecordedProblems problems = new RecordedProblems();
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new JsonlAdapter(dir), problems);
        String start = feed.currentWatermark();
        Files.writeString(dir.resolve("events.jsonl"), "{\"record\":\"contact:c1\",\"ty",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        dev.scoreline.api.ChangeFeed.Batch half = feed.changesSince(start);
        assertThat(half.changes()).isEmpty();
        assertThat(half.nextWatermark()).isEqualTo(feed.currentWatermark());
        assertThat(FilePosition.parse("jsonl", half.nextWatermark()).get("events.jsonl").offset())
                .as("not moved past the half line").isEqualTo(FilePosition.parse("jsonl", start).get("events.jsonl").offset());
        assertThat(problems.all()).isEmpty();                              // not a bad line: not finished yet

        Files.writeString(dir.resolve("events.jsonl"), "pe\":\"b\",\"at\":\"2026-01-03T10:00:00Z\"}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        dev.scoreline.api.ChangeFeed.Batch whole = feed.changesSince(half.nextWatermark());
        assertThat(whole.changes()).singleElement().satisfies(c ->
                assertThat(((dev.scoreline.api.DataChange.EventAppended) c).event().type()).isEqualTo("b"));
        assertThat(problems.all()).isEmpty();
    }
}
