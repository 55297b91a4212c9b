package dev.scoreline.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoreline.api.RecordKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's compact structures against plain collections doing the same job. */
class LoaderStructuresTest {

    record Ev(int owner, int shape, long at) { }

    /** More events than one block holds, in random order: grouped by record, each record's oldest first. */
    @Test
    void eventBlocksGroupByRecordAcrossBlocks() {
        int records = 5_000;
        int count = (1 << 20) + 70_000;
        Random random = new Random(42);
        EventBlocks blocks = new EventBlocks();
        Map<Integer, List<Ev>> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            // A few records get many events (the general sort), most a few hundred.
            int owner = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(records);
            Ev e = new Ev(owner, random.nextInt(50), random.nextInt(2_000));
            blocks.add(e.owner, e.shape, e.at);
            expected.computeIfAbsent(owner, k -> new ArrayList<>()).add(e);
        }
        assertEquals(count, blocks.size());
        blocks.groupByRecord(records);
        long seen = 0;
        int straddling = 0;
        EventSpan span = new EventSpan();
        for (int r = 0; r < records; r++) {
            List<Ev> want = new ArrayList<>(expected.getOrDefault(r, List.of()));
            want.sort(Comparator.comparingLong(Ev::at).thenComparingInt(Ev::shape));
            assertEquals(want.size(), blocks.count(r), "events of record " + r);
            for (int i = 0; i < want.size(); i++) {
                int e = blocks.start(r) + i;
                assertEquals(want.get(i).at(), blocks.at(e), "record " + r + " event " + i);
                assertEquals(want.get(i).shape(), blocks.shape(e), "record " + r + " event " + i);
            }
            // The same events as plain arrays for a walk, copied when they straddle two blocks.
            blocks.span(r, span);
            assertEquals(want.size(), span.to - span.from, "span of record " + r);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).at(), span.at[span.from + i], "span of record " + r + " event " + i);
                assertEquals(want.get(i).shape(), span.shape[span.from + i], "span of record " + r + " event " + i);
            }
            straddling += span.at == span.scratchAt && !want.isEmpty() ? 1 : 0;
            seen += want.size();
        }
        assertEquals(count, seen);
        assertEquals(1, straddling, "one record's events straddle the first block's end");
    }

    @Test
    void keyIndexFindsEveryKeyAndNoOther() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 50_000; i++) {
            assertEquals(i, index.add(new RecordKey(i % 3 == 0 ? "company" : "contact", "r" + i)));
        }
        for (int i = 0; i < 50_000; i++) {
            RecordKey key = new RecordKey(i % 3 == 0 ? "company" : "contact", "r" + i);
            assertEquals(i, index.indexOf(key));
            assertEquals(key, index.key(i));
        }
        assertEquals(-1, index.indexOf(new RecordKey("deal", "r1")));
        assertEquals(-1, index.indexOf(new RecordKey("contact", "r0")));
        assertEquals(50_000, index.keys().length);
    }

    @Test
    void pairIndexKeepsFirstSeenOrderAndLabels() {
        PairIndex pairs = new PairIndex();
        Random random = new Random(1);
        Map<Long, Integer> expected = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            long pair = ((long) random.nextInt(500) << 32) | random.nextInt(500);
            int at = pairs.indexOf(pair);
            if (at < 0) {
                assertTrue(!expected.containsKey(pair));
                pairs.add(pair, i);
                expected.put(pair, i);
                order.add(pair);
            } else {
                pairs.setLabels(at, i);
                expected.put(pair, i);
            }
        }
        assertEquals(order.size(), pairs.size());
        for (int p = 0; p < order.size(); p++) {
            assertEquals(order.get(p), pairs.pair(p));
            assertEquals(expected.get(order.get(p)), pairs.labels(p));
        }
    }
}
