package dev.scoreline.plugins.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.Projection;
import dev.scoreline.testkit.RecordedProblems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path reads what the tree reads: random and edge-case lines (unicode, escapes, nested
 * values in fields no score reads, numbers of every form, nulls, duplicate keys, unknown fields,
 * bad lines, invalid UTF-8) give the same records, events, associations, bad lines and warnings,
 * with every property and with a projection (the tree's facts then projected).
 */
class FastPathEquivalenceTest {

    @TempDir
    Path dir;

    static final Projection PROJECTION = Projection.builder()
            .recordProperty("contact", "jobtitle").recordProperty("contact", "Score").recordProperty("company", "nps")
            .eventType("page_view").eventProperty("page_view", "url").eventType("form").build();

    /** Lines chosen for what can go wrong; each file also gets random lines. */
    static final List<String> RECORD_EDGES = List.of(
            "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"jobtitle\":\"CTO\",\"x\":{\"a\":1}}}",
            "{\"type\":\"contact\",\"id\":7,\"properties\":{\"jobtitle\":\"caf\\u00e9 \\\"q\\\" \\n\",\"y\":[1,[2]]}}",
            "{\"type\":\"contact\",\"id\":-0,\"properties\":{\"score\":1.50,\"Score\":2}}",
            "{\"type\":\"contact\",\"id\":\"c2\",\"properties\":{\"a\":1,\"a\":2}}",
            "{\"type\":\"contact\",\"id\":\"c3\",\"properties\":{\"jobtitle\":[\"a\",null,1e3,true,-0.0]}}",
            "{\"type\":\"contact\",\"id\":12.0}",
            "{\"type\":\"contact\",\"id\":\"  \"}",
            "{\"type\":\"con:tact\",\"id\":\"c4\"}",
            "{\"type\":null,\"id\":\"c5\"}",
            "{\"id\":\"c6\",\"type\":\"contact\",\"properties\":{\"jobtitle\":\"late type\"}}",
            "{\"properties\":{\"jobtitle\":\"first\"},\"type\":\"contact\",\"id\":\"c7\"}",
            "{\"type\":\"contact\",\"id\":\"c8\",\"extra\":{\"deep\":[1,{\"k\":2}]}}",
            "{\"type\":\"contact\",\"id\":\"c9\",\"extra\":3,\"lists\":[\"L\",\"M\"]}",
            "{\"type\":\"contact\",\"id\":\"c10\",\"lists\":[\"L\",3]}",
            "{\"type\":\"contact\",\"id\":\"c11\",\"lists\":null,\"properties\":null}",
            "{\"type\":\"contact\",\"id\":\"c12\",\"properties\":[]}",
            "{\"type\":\"contact\",\"id\":\"c13\"} {\"type\":\"contact\"}",
            "{\"type\":\"contact\",\"id\":\"c14\"} x",
            "{\"type\":\"contact\",\"id\":\"c15\",\"properties\":{\"big\":1e999999999999}}",
            "{\"type\":\"contact\",\"id\":\"c16\",\"properties\":{\"n\":123456789012345678901234567890,\"f\":0.1e-5}}",
            "{\"type\":\"contact\",\"id\":\"c17\",\"properties\":{\"emoji\":\"\\ud83d\\ude00 😀\",\"bad\":\"\\q\"}}",
            "{\"type\":\"contact\",\"id\":\"c18\",\"properties\":{\"ctl\":\"a\tb\"}}",
            "[1,2]", "null", "\"text\"", "{", "{\"type\":\"contact\",\"id\":\"c19\",}", "   ",
            "{\"type\":\"Company\",\"id\":\"co1\",\"properties\":{\"NPS\":9,\"jobtitle\":\"n/a\"}}");

    static final List<String> EVENT_EDGES = List.of(
            "{\"record\":\"contact:c1\",\"type\":\"page_view\",\"at\":\"2026-01-02T10:00:00Z\",\"properties\":{\"url\":\"/p\",\"o\":{}}}",
            "{\"record\":\"contact:c1\",\"type\":\"page_view\",\"at\":\"2026-01-02T10:00:00.123456789Z\"}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":1767348000000}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":1767348000}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":1.5}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":\"1767348000000\"}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":\" 2026-01-02 \"}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":\"2026-01-02T10:00:00+02:00\"}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":\"2026-02-30T10:00:00Z\"}",
            "{\"record\":\"contact:c1\",\"type\":\"form\",\"at\":null}",
            "{\"record\":\"contact\",\"type\":\"form\",\"at\":\"2026-01-02\"}",
            "{\"record\":\"contact:c2\",\"type\":\" \",\"at\":\"2026-01-02\"}",
            "{\"type\":\"page_view\",\"record\":\"contact:c2\",\"at\":\"2026-01-02\",\"properties\":{\"url\":\"u\"}}",
            "{\"properties\":{\"url\":\"u\"},\"record\":\"contact:c2\",\"type\":\"page_view\",\"at\":\"2026-01-02\"}",
            "{\"record\":\"contact:c2\",\"type\":\"page_view\",\"at\":\"2026-01-02\",\"campaign\":\"x\"}",
            "{\"record\":\"contact:c2\",\"type\":\"page_view\",\"at\":\"2026-01-02\",\"campaign\":[1,{\"a\":2.5}]}",
            "{\"record\":\"contact:c2\",\"type\":\"email\",\"at\":\"2026-01-02\",\"properties\":{\"url\":\"not read\",\"n\":[1,[2]]}}",
            "{\"record\":\"contact:c2\",\"record\":\"contact:c3\",\"type\":\"form\",\"at\":\"2026-01-02\"}");

    static final List<String> ASSOCIATION_EDGES = List.of(
            "{\"from\":\"contact:c1\",\"to\":\"company:co1\",\"labels\":[\"Champion\",\"Champion\"]}",
            "{\"from\":\"contact:c1\",\"to\":\"company:co1\",\"labels\":null}",
            "{\"from\":\"contact:c1\",\"to\":\"co1\"}",
            "{\"from\":\"contact:c1\",\"labels\":[1]}",
            "{\"to\":\"company:co1\",\"from\":\"deal:d1\",\"note\":{\"x\":[true,false,null]}}");

    @Test
    void randomAndEdgeCaseLinesReadAlikeThroughBothReaders() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            write("records.jsonl", RECORD_EDGES, r, FastPathEquivalenceTest::randomRecord);
            write("events.jsonl", EVENT_EDGES, r, FastPathEquivalenceTest::randomEvent);
            write("associations.jsonl", ASSOCIATION_EDGES, r, FastPathEquivalenceTest::randomAssociation);
            for (Projection projection : List.of(Projection.everything(), PROJECTION)) {
                Read fast = read(new JsonlAdapter(dir, true), projection, Projection.everything());
                Read tree = read(new JsonlAdapter(dir, false), Projection.everything(), projection);
                assertThat(fast.records).as("records, seed %d, %s", seed, projection).isEqualTo(tree.records);
                assertThat(fast.events).as("events, seed %d, %s", seed, projection).isEqualTo(tree.events);
                assertThat(fast.associations).as("associations, seed %d", seed).isEqualTo(tree.associations);
                assertThat(fast.problems.all()).as("problems, seed %d, %s", seed, projection)
                        .isEqualTo(tree.problems.all());
                assertThat(tree.problems.badLines()).hasSizeGreaterThan(20);
                assertThat(tree.problems.warnings()).hasSizeGreaterThan(5);
            }
        }
    }

    @Test
    void aProjectionLeavesOutWhatNoScoreReads() throws IOException {
        Files.writeString(dir.resolve("records.jsonl"),
                "{\"type\":\"contact\",\"id\":\"c1\",\"properties\":{\"JobTitle\":\"CTO\",\"phone\":\"1\",\"nps\":3}}\n");
        Files.writeString(dir.resolve("events.jsonl"),
                "{\"record\":\"contact:c1\",\"type\":\"email\",\"at\":\"2026-01-02\",\"properties\":{\"url\":\"u\"}}\n");
        Read fast = read(new JsonlAdapter(dir), PROJECTION, Projection.everything());
        assertThat(fast.records.get(0).properties()).containsOnlyKeys("JobTitle");
        assertThat(fast.events.get(0).properties()).as("an event type no rule reads").isEmpty();
        assertThat(fast.problems.all()).isEmpty();
    }

    @Test
    void theUsualLinesAreTakenByTheFastPathAndTheOthersLeftToTheTree() {
        JsonlFastPath fast = new JsonlFastPath(PROJECTION);
        LineContext at = new LineContext("test", new RecordedProblems());
        assertThat(fast.record(bytes(RECORD_EDGES.get(4)), RECORD_EDGES.get(4).length(), at)).isNotNull();
        String event = "{\"record\":\"contact:c1\",\"type\":\"page_view\",\"at\":\"2025-09-13T20:14:44Z\","
                + "\"properties\":{\"url\":\"https://example.com/pricing\"}}";
        assertThat(fast.event(bytes(event), bytes(event).length, at)).isNotNull();
        String association = ASSOCIATION_EDGES.get(0);
        assertThat(fast.association(bytes(association), bytes(association).length, at)).isNotNull();
        for (String line : List.of(RECORD_EDGES.get(0), RECORD_EDGES.get(3), RECORD_EDGES.get(8), RECORD_EDGES.get(11))) {
            assertThat(fast.record(bytes(line), bytes(line).length, at)).as(line).isNull();
        }
        String before1980 = EVENT_EDGES.get(3);
        assertThat(fast.event(bytes(before1980), bytes(before1980).length, at)).as("the tree warns").isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Read(List<CrmRecord> records, List<CrmEvent> events, List<Association> associations,
                        RecordedProblems problems) { }

    private static <T> List<T> drain(Stream<T> stream, Function<T, T> project) {
        try (Stream<T> s = stream) {
            return new ArrayList<>(s.map(project).toList());
        }
    }

    /** Reads through {@code projection}, then applies {@code after} to what was read. */
    private static Read read(JsonlAdapter adapter, Projection projection, Projection after) {
        RecordedProblems problems = new RecordedProblems();
        adapter.open(problems);
        List<CrmRecord> records = drain(adapter.records(projection), after::apply);
        List<CrmEvent> events = drain(adapter.events(projection), after::apply);
        List<Association> associations = drain(adapter.associations(), Function.identity());
        return new Read(records, events, associations, problems);
    }

    /** The edge cases and 300 random lines shuffled together, with a line of invalid UTF-8 now and then. */
    private void write(String file, List<String> edges, Random r, Function<Random, String> random) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        edges.forEach(e -> lines.add(e.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 300; i++) {
            lines.add(random.apply(r).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 4; i++) {
            byte[] line = random.apply(r).getBytes(StandardCharsets.UTF_8);
            int quote = indexOfNthQuote(line, 3 + r.nextInt(6));
            if (quote > 0) {
                line[quote + 1] = (byte) (r.nextBoolean() ? 0xC3 : 0xE2); // a lead byte without its continuation
            }
            lines.add(line);
        }
        java.util.Collections.shuffle(lines, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write(r.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        Files.write(dir.resolve(file), out.toByteArray());
    }

    private static int indexOfNthQuote(byte[] line, int n) {
        for (int i = 0; i < line.length - 1; i++) {
            if (line[i] == '"' && --n == 0) {
                return i;
            }
        }
        return -1;
    }

    private static final String[] TYPES = {"contact", "Contact", "company", "deal"};
    private static final String[] NAMES = {"jobtitle", "JobTitle", "score", "nps", "phone", "url", "tags", "note"};

    static String randomRecord(Random r) {
        StringBuilder sb = new StringBuilder("{\"type\":\"").append(TYPES[r.nextInt(TYPES.length)]).append("\",\"id\":");
        sb.append(r.nextInt(5) == 0 ? String.valueOf(r.nextInt(1000)) : "\"r" + r.nextInt(1000) + "\"");
        sb.append(",\"properties\":").append(randomObject(r));
        if (r.nextInt(4) == 0) {
            sb.append(",\"lists\":[\"Leads\"").append(r.nextInt(6) == 0 ? ",1" : "").append(']');
        }
        if (r.nextInt(15) == 0) {
            sb.append(",\"unused_").append(r.nextInt(2)).append("\":").append(randomValue(r, 2));
        }
        return sb.append('}').toString();
    }

    static String randomEvent(Random r) {
        String[] types = {"page_view", "form", "email", "Page_View"};
        String at = switch (r.nextInt(6)) {
            case 0 -> String.valueOf(1_700_000_000_000L + r.nextInt(1_000_000));
            case 1 -> "\"2026-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T0" + r.nextInt(10) + ":00:00Z\"";
            case 2 -> "\"2025-12-31\"";
            case 3 -> String.valueOf(r.nextInt(100000)); // before 1980: warned
            default -> "\"2026-01-0" + (1 + r.nextInt(9)) + "T10:20:30.5Z\"";
        };
        StringBuilder sb = new StringBuilder("{\"record\":\"contact:c").append(r.nextInt(20)).append("\",\"type\":\"")
                .append(types[r.nextInt(types.length)]).append("\",\"at\":").append(at);
        if (r.nextBoolean()) {
            sb.append(",\"properties\":").append(randomObject(r));
        }
        return sb.append('}').toString();
    }

    static String randomAssociation(Random r) {
        return "{\"from\":\"contact:c" + r.nextInt(20) + "\",\"to\":\"company:co" + r.nextInt(5) + "\""
                + (r.nextBoolean() ? ",\"labels\":[\"Champion\"]" : "") + "}";
    }

    private static String randomObject(Random r) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append("\":").append(randomValue(r, 1));
        }
        return sb.append('}').toString(); // a name drawn twice: a duplicate key, a bad line
    }

    private static String randomValue(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> String.valueOf(r.nextInt(2000) - 1000);
            case 3 -> (r.nextBoolean() ? "-" : "") + r.nextInt(100) + "." + r.nextInt(1000);
            case 4 -> r.nextInt(9) + "e" + (r.nextInt(40) - 20);
            case 5 -> "\"caf\\u00e9 ünïcødé ✓\"";
            case 6 -> "\"line\\nbreak \\\"quoted\\\" \\\\ \\t\"";
            case 7 -> "[\"a\"," + r.nextInt(9) + ",null,false]";
            case 8 -> "\"" + "x".repeat(r.nextInt(40)) + "\"";
            case 9 -> "123456789012345678901234567890";
            case 10 -> "{\"nested\":" + randomValue(r, depth - 1) + "}";
            default -> "[" + randomValue(r, depth - 1) + "," + randomValue(r, depth - 1) + "]";
        };
    }
}
