package dev.scoreline.runtime.internal.planning;

import dev.scoreline.engine.ScoringData;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.ChangeText;
import dev.scoreline.store.FeedPosition;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.ScoreStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a {@code Scoreline.run()} does, decided before it reads any data: which run it is (a new one,
 * or an interrupted one of these scores resumed with its id and NOW), whether it scores every record
 * or only what moved, and the feed position it keeps for the next run.
 *
 * <p>Re-scoring only what moved is exact, not a heuristic: a record's value depends on its own data,
 * on its associated records' data (for scores that read associations), and on NOW. The first two
 * only move through changes the feed reports; NOW only moves a value at the next-change instant the
 * last run kept for the record. Whenever one of those facts is unknown, the run scores everything.
 */
public final class RunPlan {

    /** At most this many change descriptions per record in a cause; the rest are counted. */
    private static final int CAUSES_PER_RECORD = 3;

    private final String fullBecause;
    private final Set<RecordKey> changed;
    private final Set<RecordKey> due;
    private final Map<RecordKey, List<String>> reasons;
    private final String adapter;
    /** The feed position this run keeps; null when the adapter has no feed (none is kept). */
    private final String watermark;
    private final Map<String, String> hashes;
    private final Instant now;
    private final String runId;
    private boolean resumed;
    private RunAdjustments adjustments = RunAdjustments.NONE;
    /** The NOW of the last run an incremental run follows (adjustments expired since then are named). */
    private Instant lastNow;

    private RunPlan(String fullBecause, Set<RecordKey> changed, Set<RecordKey> due, Map<RecordKey, List<String>> reasons,
                    String adapter, String watermark, Map<String, String> hashes, Instant now, String runId) {
        this.fullBecause = fullBecause;
        this.changed = changed;
        this.due = due;
        this.reasons = reasons;
        this.adapter = adapter;
        this.watermark = watermark;
        this.hashes = hashes;
        this.now = now;
        this.runId = runId;
    }

    /**
     * The plan of a run at {@code asOf} (null: the wall clock). With a store, an interrupted run of
     * these scores is resumed: same id, same NOW (unless {@code asOf} is given), so its committed
     * changes are delivered again (at least once) and nothing is written twice.
     */
    public static RunPlan make(ScoreStore store, CrmAdapter adapter, List<ScoreDefinition> definitions, Instant asOf,
                               boolean fullRequested) {
        Instant now = asOf == null ? Instant.now() : asOf;
        String runId = "run-" + java.util.UUID.randomUUID();
        boolean resumed = false;
        if (store != null) {
            Set<String> names = new HashSet<>();
            definitions.forEach(d -> names.add(d.name()));
            for (var unfinished : store.unfinishedRuns()) {
                if (names.contains(unfinished.score())) {
                    runId = unfinished.runId();
                    resumed = true;
                    if (asOf == null) {
                        now = unfinished.at();
                    }
                    break;
                }
            }
        }
        RunAdjustments adjustments = RunAdjustments.read(store, definitions.stream().map(ScoreDefinition::name).toList());
        RunPlan plan = make(store, adapter, definitions, now, runId, resumed, fullRequested, adjustments);
        plan.adjustments = adjustments;
        plan.resumed = resumed;
        return plan;
    }

    private static RunPlan make(ScoreStore store, CrmAdapter adapter, List<ScoreDefinition> definitions, Instant now,
                                String runId, boolean resumed, boolean fullRequested, RunAdjustments adjustments) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ScoreDefinition d : definitions) {
            hashes.put(d.name(), ScoreStore.sha256(ScoreFormatter.format(d)));
        }
        if (store == null) {
            return full("no store keeps the last run's values", adapter, null, hashes, now, runId);
        }
        if (hashes.isEmpty()) {
            // A catalog whose last active score was deactivated: this run only clears its values.
            return full("no score is active; the run clears the values of the scores deactivated", adapter, null,
                    hashes, now, runId);
        }
        Optional<ChangeFeed> feed = adapter.changeFeed();
        if (feed.isEmpty()) {
            return full("adapter " + adapter.name() + " has no change feed", adapter, null, hashes, now, runId);
        }
        Map<String, Optional<FeedPosition>> positions = new LinkedHashMap<>();
        for (String score : hashes.keySet()) {
            positions.put(score, store.feedPosition(score));
        }
        String why = fullRequested ? "asked for" : whyFull(positions, adapter, hashes, now);
        if (why == null) {
            // A safety net: the catalog says a version runs whose results the store does not hold yet.
            why = activated(store, hashes.keySet());
        }
        if (why != null) {
            // Taken before the data is read: a change landing meanwhile is re-read next time, not missed.
            return full(why, adapter, feed.get().currentWatermark(), hashes, now, runId);
        }
        String since = positions.values().iterator().next().orElseThrow().watermark();
        ChangeFeed.Batch batch;
        try {
            batch = feed.get().changesSince(since);
        } catch (ChangeFeed.SourceRewritten e) {
            return full(e.getMessage(), adapter, feed.get().currentWatermark(), hashes, now, runId);
        } catch (RuntimeException e) {
            return full("the change feed refused the last run's watermark \"" + since + "\": " + e.getMessage(),
                    adapter, feed.get().currentWatermark(), hashes, now, runId);
        }
        // Made or removed adjustments re-score their records like a change in the feed (and so their neighbours).
        Map<RecordKey, List<String>> reasons = new HashMap<>(adjustments.pendingTexts());
        for (DataChange c : batch.changes()) {
            String text = ChangeText.describe(c);
            for (RecordKey k : ChangeText.records(c)) {
                reasons.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(text);
            }
        }
        Set<RecordKey> due = new HashSet<>(store.dueRecords(hashes.keySet(), now));
        if (resumed) {
            // What the interrupted attempt changed is scored again, so sinks get it at least once.
            for (HistoryEntry h : store.historyOfRun(runId)) {
                due.add(h.record());
            }
        }
        RunPlan plan = new RunPlan(null, new HashSet<>(reasons.keySet()), due, reasons, adapter.name(),
                batch.nextWatermark(), hashes, now, runId);
        plan.lastNow = positions.values().iterator().next().orElseThrow().at();
        return plan;
    }

    /** Which score was activated (or updated) in the catalog since its last run, as a reason; null: none. */
    private static String activated(ScoreStore store, Set<String> scores) {
        for (String score : scores) {
            var entry = store.catalog().entry(score);
            if (entry.isPresent() && entry.get().needsFullRun()) {
                return "\"" + score + "\" version " + entry.get().activeVersion() + " was activated: every in-scope record"
                        + " is scored with it";
            }
        }
        return null;
    }

    /** Why this run cannot rely on the last one, or null when it can. */
    private static String whyFull(Map<String, Optional<FeedPosition>> positions, CrmAdapter adapter,
                                  Map<String, String> hashes, Instant now) {
        String watermark = null;
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            String score = e.getKey();
            Optional<FeedPosition> found = positions.get(score);
            if (found.isEmpty()) {
                return "\"" + score + "\" has not run on this store yet (no finished run to go on from)";
            }
            FeedPosition p = found.get();
            if (!p.adapter().equals(adapter.name())) {
                return "the last run of \"" + score + "\" read adapter " + p.adapter() + ", this one reads "
                        + adapter.name();
            }
            if (!p.definitionHash().equals(e.getValue())) {
                return "the definition of \"" + score + "\" changed since its last run";
            }
            if (now.isBefore(p.at())) {
                return "NOW (" + now + ") is before the last run of \"" + score + "\" (" + p.at() + ")";
            }
            if (watermark != null && !watermark.equals(p.watermark())) {
                return "the last runs of these scores ended at different places of the change feed";
            }
            watermark = p.watermark();
        }
        return null;
    }

    private static RunPlan full(String because, CrmAdapter adapter, String watermark, Map<String, String> hashes,
                                Instant now, String runId) {
        return new RunPlan(because, Set.of(), Set.of(), Map.of(), adapter.name(), watermark, hashes, now, runId);
    }

    /** The run's id in the history: new, or the interrupted run's. */
    public String runId() {
        return runId;
    }

    /** Whether this run takes up an interrupted one (same id, same NOW). */
    public boolean resumed() {
        return resumed;
    }

    /** The run's NOW: the configured instant, the interrupted run's, or the wall clock. */
    public Instant now() {
        return now;
    }

    /** The manual adjustments this run adds, and those it applies (made or removed since the last run). */
    public RunAdjustments adjustments() {
        return adjustments;
    }

    public boolean incremental() {
        return fullBecause == null;
    }

    public Set<RecordKey> changed() {
        return changed;
    }

    public Set<RecordKey> due() {
        return due;
    }

    /** Whether the run keeps next-change instants and a feed position (the adapter has a feed). */
    public boolean keepsPosition() {
        return watermark != null;
    }

    /** The position to keep for a score at the finish; null keeps none. */
    public FeedPosition position(String score) {
        return watermark == null ? null : new FeedPosition(adapter, watermark, hashes.get(score), now, runId);
    }

    public String describe() {
        if (fullBecause != null) {
            return "full: " + fullBecause;
        }
        int adjusted = adjustments.pending().records().size();
        int fed = (int) changed.stream().filter(k -> reasons.get(k).stream().anyMatch(t -> !t.startsWith("adjustment "))).count();
        return "incremental: " + fed + " record" + (fed == 1 ? "" : "s") + " changed in the feed, "
                + (adjusted == 0 ? "" : adjusted + " adjusted, ") + due.size() + " fell due";
    }

    /**
     * The cause of a changed result in the history: for an incremental run, what moved the record
     * (the feed's changes, an associated record's, or time), then the value as {@code text} states
     * it (groups, total, status, the rules that gave points).
     */
    public Function<ScoreResult, String> cause(ScoringData data, ValueText text) {
        if (fullBecause != null) {
            return adjustments.runCause(runId, text);
        }
        return r -> {
            List<String> why = new java.util.ArrayList<>();
            List<String> own = reasons.get(r.record());
            if (own != null) {
                why.add(firstFew(own));
            }
            for (RecordKey other : data.rescoredBecauseOf(r.record())) {
                why.add("associated " + other + ": " + firstFew(reasons.getOrDefault(other, List.of("changed"))));
            }
            if (why.isEmpty()) {
                String expired = adjustments.expired(r.record(), lastNow, now);
                why.add(expired != null ? expired : "time: decay or timeframe moved");
            }
            return "run " + runId + ": " + String.join("; ", why) + "; " + text.of(r);
        };
    }

    private static String firstFew(List<String> changes) {
        return String.join("; ", changes.subList(0, Math.min(changes.size(), CAUSES_PER_RECORD)))
                + (changes.size() > CAUSES_PER_RECORD ? " and " + (changes.size() - CAUSES_PER_RECORD) + " more changes" : "");
    }
}
