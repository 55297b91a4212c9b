package dev.scoreline.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorTest {

    static final DataGenerator.Config SMALL = DataGenerator.Config.of(600, 60, 12, 7).withCompanySizes(3, 200);

    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String f : new String[]{"records.jsonl", "events.jsonl", "associations.jsonl"}) {
            md.update(Files.readAllBytes(dir.resolve(f)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws Exception {
        new DataGenerator(SMALL).write(tmp.resolve("a"));
        new DataGenerator(SMALL).write(tmp.resolve("b"));
        assertThat(digest(tmp.resolve("a"))).isEqualTo(digest(tmp.resolve("b")));
        new DataGenerator(DataGenerator.Config.of(600, 60, 12, 8).withCompanySizes(3, 200)).write(tmp.resolve("c"));
        assertThat(digest(tmp.resolve("c"))).isNotEqualTo(digest(tmp.resolve("a")));
    }

    @Test
    void inMemoryDataIsTheDataWritten(@TempDir Path tmp) throws Exception {
        DataGenerator g = new DataGenerator(SMALL);
        long written = g.write(tmp);
        DataSet mem = g.generate();
        DataSet read = new DataSetReader().read(tmp);
        assertThat(mem.eventCount()).isEqualTo(written).isEqualTo(read.eventCount());
        assertThat(read.toString()).isEqualTo(mem.toString());
        assertThat(mem.table("contact").size).isEqualTo(600);
        assertThat(mem.table("company").size).isEqualTo(60);
        // the same data gives the same scores, whichever way it was produced
        Instant asOf = SMALL.asOf();
        for (Scenario sc : Scenario.all()) {
            ScoredSummary a = new HandWrittenEvaluator(1).score(sc, mem, asOf);
            ScoredSummary b = new HandWrittenEvaluator(2).score(sc, read, asOf);
            assertThat(a.compare(b).examples()).as(sc.name).isEmpty();
            assertThat(a.scored()).isPositive();
        }
    }

    @Test
    void companySizesStayWithinBoundsAndEventsAverageTheMean() {
        DataGenerator g = new DataGenerator(DataGenerator.Config.of(20_000, 400, 30, 1));
        int[] sizes = new int[400];
        for (int i = 0; i < 20_000; i++) {
            int c = g.companyOf(i);
            if (c >= 0) sizes[c]++;
        }
        int withContacts = 0, max = 0;
        for (int s : sizes) {
            if (s > 0) withContacts++;
            max = Math.max(max, s);
        }
        assertThat(max).isLessThanOrEqualTo(5000).isGreaterThan(100);
        assertThat(withContacts).isGreaterThan(20);
        long events = 0;
        for (int i = 0; i < 2000; i++) {
            long[] n = {0};
            g.contactEvents(i, e -> n[0]++);
            events += n[0];
        }
        assertThat(events / 2000.0).isBetween(27.0, 33.0);
    }
}
