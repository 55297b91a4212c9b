package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.RecordKey;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.ScoreStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scoreline run --follow} killed with SIGKILL while it delivers a poll of many batches, then
 * started again, twice, in real child processes: each restart re-sends the jsonl sink at most one
 * batch (what it had not acknowledged), the history holds every change of every record once, and
 * every change reaches the sink. On H2 and on a real PostgreSQL.
 */
class FollowCrashResumeTest {

    static final int RECORDS = 2_000;
    /** Records whose score each round of appended events moves: a poll of CHANGED / BATCH batches. */
    static final int CHANGED = 1_500;
    static final int BATCH = 100;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aFollowKilledMidPollResendsAtMostOneBatchAndKeepsTheHistoryOnce(String db, @TempDir Path dir) throws Exception {
        Path config = CrashResumeTest.crashProject(dir, db, RECORDS, BATCH);
        Path sink = dir.resolve("out/scores.jsonl");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        long duplicates = 0;
        Process follow = start(config, dir, "follow-1");
        for (int round = 1; round <= 2; round++) {
            int expected = RECORDS + (round - 1) * CHANGED;
            Process current = follow;
            waitUntil(current, () -> distinct(sink) >= expected, "seed " + seed + ": round " + round + " caught up");
            long resent = duplicates(sink) - duplicates;
            assertThat(resent).as("seed %d: re-sent by the follow started before round %d", seed, round)
                    .isLessThanOrEqualTo(BATCH);
            duplicates += resent;
            int base = wholeLines(sink).size();
            int point = 1 + random.nextInt(CHANGED - 1);
            appendMeetings(dir.resolve("data/events.jsonl"), round);
            waitUntil(current, () -> wholeLines(sink).size() >= base + point, "seed " + seed + ": round " + round + " polled");
            current.destroyForcibly().waitFor();
            follow = start(config, dir, "follow-" + (round + 1));
        }
        waitUntil(follow, () -> distinct(sink) >= RECORDS + 2 * CHANGED, "seed " + seed + ": the third follow caught up");
        long resentThird = duplicates(sink) - duplicates;
        assertThat(resentThird).as("seed %d: re-sent by the third follow", seed).isLessThanOrEqualTo(BATCH);
        duplicates += resentThird;
        follow.destroyForcibly().waitFor();
        // The last one ends by itself after a poll: its first pass delivers what the killed one had not stored.
        Process last = start(config, dir, "last", "--polls", "1");
        assertThat(last.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.out")) + Files.readString(dir.resolve("last.err")))
                .isZero();
        assertThat(Files.readString(dir.resolve("last.out"))).as("the summary counts what the follow read")
                .contains("from 2,000 records");
        long resent = duplicates(sink) - duplicates;
        assertThat(resent).as("seed %d: re-sent by the last follow", seed).isLessThanOrEqualTo(BATCH);
        assertThat(distinct(sink)).as("every change reached the sink once at least").isEqualTo(RECORDS + 2 * CHANGED);

        try (ScoreStore store = CrashResumeTest.open(config, db)) {
            for (int i = 0; i < RECORDS; i++) {
                List<HistoryEntry> history = store.history(RecordKey.parse("contact:c" + i), Optional.of("Lead score"));
                assertThat(history).as("seed %d: contact:c%d's history, one entry per change", seed, i)
                        .hasSize(i < CHANGED ? 3 : 1);
                assertThat(history.stream().map(HistoryEntry::newValue).distinct()).hasSize(history.size());
                assertThat(history.stream().map(HistoryEntry::runId).distinct()).hasSize(history.size());
            }
            assertThat(store.deliveries().owed("jsonl")).as("nothing left owed").isEmpty();
        }
    }

    /** A meeting_completed event for each of the first CHANGED contacts, appended at once: one poll's work. */
    private static void appendMeetings(Path events, int round) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < CHANGED; i++) {
            text.append("{\"record\":\"contact:c").append(i).append("\",\"type\":\"meeting_completed\",\"at\":\"2026-02-")
                    .append(10 + round).append("T00:00:00Z\"}\n");
        }
        Files.writeString(events, text, StandardOpenOption.APPEND);
    }

    private static void waitUntil(Process follow, IoCondition done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.holds()) {
            assertThat(follow.isAlive()).as(what + ": the follow ended (exit %s)", follow.isAlive() ? "" : follow.exitValue())
                    .isTrue();
            assertThat(System.nanoTime()).as(what + " in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private interface IoCondition {
        boolean holds() throws IOException;
    }

    /** {@code scoreline run --follow CONFIG}, polling every 0.2 s, in a child JVM. */
    private static Process start(Path config, Path dir, String name, String... more) throws IOException {
        List<String> options = new ArrayList<>(List.of("--follow", "--poll", "0.2"));
        options.addAll(List.of(more));
        return CrashResumeTest.start(config, dir, name, options.toArray(String[]::new));
    }

    private static int distinct(Path sink) throws IOException {
        return new HashSet<>(wholeLines(sink)).size();
    }

    private static long duplicates(Path sink) throws IOException {
        List<String> lines = wholeLines(sink);
        return lines.size() - new HashSet<>(lines).size();
    }

    /** The whole lines of the sink's file as (score, record, value); a torn last line is not one. */
    private static List<String> wholeLines(Path file) throws IOException {
        return CrashResumeTest.wholeLines(file,
                n -> n.path("score").asText() + "|" + n.path("record").asText() + "|" + n.path("value").asText());
    }
}
