package dev.scoreline.testkit;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives a sink the way the runtime does: open, batches of updates (a refused batch is offered
 * again; after a {@link PartialWriteException}, only the updates the sink did not take), flush,
 * close. Plain Java: use it from any test framework.
 *
 * <pre>{@code
 * SinkTestKit.Result r = SinkTestKit.drive(new JsonlSink(file), List.of(batch1, batch2));
 * assertThat(r.refusedWrites()).isZero();
 * }</pre>
 */
public final class SinkTestKit {

    /** How a drive went: how often the sink refused a write, and the batches in the order offered. */
    public record Result(int refusedWrites, List<List<ScoreUpdate>> batches) { }

    private SinkTestKit() { }

    /** Drives the sink through a whole run; a refused batch (or its rest) is offered up to 10 times, then the error is thrown. */
    public static Result drive(ScoreSink sink, List<List<ScoreUpdate>> batches) throws Exception {
        return drive(sink, batches, 10);
    }

    public static Result drive(ScoreSink sink, List<List<ScoreUpdate>> batches, int attemptsPerBatch) throws Exception {
        int refused = 0;
        sink.open();
        try {
            for (List<ScoreUpdate> batch : batches) {
                List<ScoreUpdate> rest = batch;
                for (int attempt = 1; ; attempt++) {
                    try {
                        sink.write(rest);
                        break;
                    } catch (Exception e) {
                        if (e instanceof PartialWriteException partial) {
                            rest = rest.subList(Math.min(partial.taken(), rest.size()), rest.size());
                        }
                        refused++;
                        if (rest.isEmpty()) {
                            break;
                        }
                        if (attempt >= attemptsPerBatch) {
                            throw e;
                        }
                    }
                }
            }
            sink.flush();
        } finally {
            sink.close();
        }
        return new Result(refused, List.copyOf(batches));
    }

    /** Splits updates into batches of a size, keeping their order. */
    public static List<List<ScoreUpdate>> batches(List<ScoreUpdate> updates, int size) {
        List<List<ScoreUpdate>> out = new ArrayList<>();
        for (int i = 0; i < updates.size(); i += size) {
            out.add(List.copyOf(updates.subList(i, Math.min(updates.size(), i + size))));
        }
        return out;
    }

    /**
     * Checks that {@code received} holds every update of {@code sent} exactly once and, per record
     * and score, in the order sent.
     *
     * @throws AssertionError saying which update was lost, duplicated or out of order
     */
    public static void assertDeliveredExactlyOnceInOrder(List<ScoreUpdate> sent, List<ScoreUpdate> received) {
        Map<String, List<ScoreUpdate>> sentBy = byRecord(sent);
        Map<String, List<ScoreUpdate>> receivedBy = byRecord(received);
        for (Map.Entry<String, List<ScoreUpdate>> e : sentBy.entrySet()) {
            List<ScoreUpdate> got = receivedBy.getOrDefault(e.getKey(), List.of());
            if (!got.equals(e.getValue())) {
                throw new AssertionError("updates of " + e.getKey() + " were " + describe(got) + ", expected "
                        + describe(e.getValue()));
            }
        }
        for (String key : receivedBy.keySet()) {
            if (!sentBy.containsKey(key)) {
                throw new AssertionError("the sink received updates of " + key + " that were never sent");
            }
        }
    }

    /**
     * Checks what every sink that keeps each update (a file, a queue, an API with a history) must
     * do, over a target that starts empty: a non-blank name; a run of several batches (one of them
     * empty) keeps every update exactly once and in order per record and score; a second instance
     * over the same target, the next run, adds its updates to what the first kept. Updates are
     * compared by score, record, value, status and instant, so a target read back from text is
     * fine.
     *
     * @param sinks    a new sink over the same target each call
     * @param readBack every update the target holds now, in the order it keeps them
     * @throws AssertionError naming the first rule the sink breaks
     */
    public static void checkContract(Supplier<? extends ScoreSink> sinks, Supplier<List<ScoreUpdate>> readBack)
            throws Exception {
        ScoreSink first = sinks.get();
        if (first.name() == null || first.name().isBlank()) {
            throw new AssertionError(first.getClass().getName() + ".name() is blank");
        }
        List<ScoreUpdate> run1 = sampleRun(0, 5);
        List<List<ScoreUpdate>> batches = new ArrayList<>(batches(run1.subList(0, 7), 4));
        batches.add(List.of());
        batches.addAll(batches(run1.subList(7, run1.size()), 5));
        drive(first, batches, 1);
        expectKept(first, run1, readBack.get(), "after one run");
        ScoreSink second = sinks.get();
        List<ScoreUpdate> run2 = sampleRun(5, 2);
        drive(second, List.of(run2), 1);
        List<ScoreUpdate> both = new ArrayList<>(run1);
        both.addAll(run2);
        expectKept(second, both, readBack.get(), "after a second run over the same target");
    }

    /** Four records of two scores (one combined), {@code steps} updates each from step {@code from}. */
    private static List<ScoreUpdate> sampleRun(int from, int steps) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (int step = from; step < from + steps; step++) {
            for (int r = 0; r < 4; r++) {
                String at = "2026-03-01T00:" + String.format("%02d", step) + ":00Z";
                TestUpdates u = r == 3
                        ? TestUpdates.update("Combined", "deal:d" + r, step + "0.5", "A" + step % 2).combined("1.25", step + ".5")
                        : TestUpdates.update("Lead score", "contact:c" + r, Integer.toString(step * 7 - r), step % 2 == 0 ? "Low" : "High")
                                .group("Sales", Integer.toString(step));
                out.add(u.previous(step == 0 ? null : Integer.toString(step), step == 0 ? null : "Low").at(at)
                        .cause("step " + step).build());
            }
        }
        return out;
    }

    private static void expectKept(ScoreSink sink, List<ScoreUpdate> sent, List<ScoreUpdate> kept, String when) {
        Map<String, List<String>> expected = identities(sent);
        Map<String, List<String>> actual = identities(kept);
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<String> got = actual.getOrDefault(e.getKey(), List.of());
            if (!got.equals(e.getValue())) {
                String what = got.size() < e.getValue().size() ? "lost updates"
                        : got.size() > e.getValue().size() ? "kept updates twice" : "kept updates out of order";
                throw new AssertionError(sink.getClass().getName() + " " + what + " of " + e.getKey() + " " + when
                        + ": kept " + got + ", expected " + e.getValue());
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                throw new AssertionError(sink.getClass().getName() + " kept updates of " + key + " that were never sent");
            }
        }
    }

    private static Map<String, List<String>> identities(List<ScoreUpdate> updates) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ScoreUpdate u : updates) {
            var r = u.result();
            out.computeIfAbsent(r.record() + " / " + r.score(), k -> new ArrayList<>())
                    .add(valueText(u) + " " + r.status() + "@" + u.at());
        }
        return out;
    }

    /** An update's value as text; "left scope" for a record that left the score's scope (no value). */
    private static String valueText(ScoreUpdate u) {
        return u.leftScope() ? ScoreUpdate.LEFT_SCOPE : u.result().value().stripTrailingZeros().toPlainString();
    }

    private static Map<String, List<ScoreUpdate>> byRecord(List<ScoreUpdate> updates) {
        Map<String, List<ScoreUpdate>> out = new LinkedHashMap<>();
        for (ScoreUpdate u : updates) {
            out.computeIfAbsent(u.result().record() + " / " + u.result().score(), k -> new ArrayList<>()).add(u);
        }
        return out;
    }

    private static String describe(List<ScoreUpdate> updates) {
        List<String> values = new ArrayList<>();
        for (ScoreUpdate u : updates) {
            values.add(valueText(u) + "@" + u.at());
        }
        return values.toString();
    }
}
