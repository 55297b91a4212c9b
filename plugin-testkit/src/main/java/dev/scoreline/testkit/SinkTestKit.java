package dev.scoreline.testkit;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            values.add(u.result().value().toPlainString() + "@" + u.at());
        }
        return values.toString();
    }
}
