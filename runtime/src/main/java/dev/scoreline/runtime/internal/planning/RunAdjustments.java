package dev.scoreline.runtime.internal.planning;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.ChangeText;
import dev.scoreline.store.ScoreAdjustments;
import dev.scoreline.store.ScoreStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The manual adjustments a run or follow poll works with, read from the store before it scores:
 * every adjustment of its scores (the engine adds those in force), and those made or removed since
 * the last run applied them (their records are re-scored, with the change {@code adjustment}).
 * Once the run is stored, {@link #applied} clears what it applied.
 */
public record RunAdjustments(List<Adjustment> all, ScoreAdjustments.Changes pending,
                             Map<RecordKey, List<Adjustment>> byRecord) {

    public RunAdjustments(List<Adjustment> all, ScoreAdjustments.Changes pending) {
        this(List.copyOf(all), pending, byRecord(all));
    }

    private static Map<RecordKey, List<Adjustment>> byRecord(List<Adjustment> all) {
        Map<RecordKey, List<Adjustment>> by = new HashMap<>();
        all.forEach(a -> by.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(a));
        return by;
    }

    /** None: a run without a store. */
    public static final RunAdjustments NONE = new RunAdjustments(List.of(),
            new ScoreAdjustments.Changes(List.of(), List.of()));

    public static RunAdjustments read(ScoreStore store, Collection<String> scores) {
        if (store == null) {
            return NONE;
        }
        // Pending first: a change made between the two reads is then applied now and again next time, never missed.
        ScoreAdjustments.Changes pending = store.adjustments().pending(scores);
        return new RunAdjustments(store.adjustments().of(scores), pending);
    }

    /** Per record, what its pending adjustments say in a cause: {@code adjustment #3 +10 by alice: "…"}. */
    public Map<RecordKey, List<String>> pendingTexts() {
        Map<RecordKey, List<String>> texts = new HashMap<>();
        pending.made().forEach(a -> texts.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(ChangeText.adjusted(a)));
        pending.removed().forEach(a ->
                texts.computeIfAbsent(a.record(), k -> new ArrayList<>()).add(ChangeText.adjustmentRemoved(a)));
        return texts;
    }

    /**
     * The cause a run that scores everything gives a changed result: the run, the record's pending
     * adjustments (the change {@code adjustment}) when it has some, then the value as {@code text} states it.
     */
    public java.util.function.Function<dev.scoreline.api.ScoreResult, String> runCause(String runId, ValueText text) {
        Map<RecordKey, List<String>> adjusted = pendingTexts();
        return r -> {
            List<String> own = adjusted.get(r.record());
            return "run " + runId + ": " + (own == null ? "" : String.join("; ", own) + "; ") + text.of(r);
        };
    }

    /** What expired among the record's adjustments after {@code after} up to {@code now}; null when nothing did. */
    public String expired(RecordKey record, Instant after, Instant now) {
        return ChangeText.expired(byRecord.getOrDefault(record, List.of()), after == null ? Long.MIN_VALUE : after.toEpochMilli(), now.toEpochMilli());
    }

    /** The run is stored: its pending adjustments are applied. */
    public void applied(ScoreStore store) {
        if (store != null && !pending.isEmpty()) {
            store.adjustments().applied(pending);
        }
    }
}
