package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.engine.LiveScores;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.internal.delivery.Delivery;
import dev.scoreline.runtime.internal.planning.RunAdjustments;
import dev.scoreline.runtime.internal.planning.ValueText;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.store.StoreLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code Scoreline.follow(…)}: score everything and deliver it, then every {@code poll} apply what the
 * change feed reports, move the clock, and deliver only the updates, until told to stop. With a
 * store, the first pass is compared with it like a run, and each poll's updates are stored as one
 * run of the history ({@code follow-…-N}) before any sink sees them.
 */
public final class FollowLoop {

    private final RunSetup setup;
    private final String followId = "follow-" + java.util.UUID.randomUUID();

    public FollowLoop(RunSetup setup) {
        this.setup = setup;
    }

    /** The loop, holding the store (when there is one) until it stops. */
    public RunReport follow(Duration poll, BooleanSupplier keepGoing) {
        try (StoreLock lock = setup.lockStore(followId)) {
            return follow(poll, keepGoing, lock);
        }
    }

    private RunReport follow(Duration poll, BooleanSupplier keepGoing, StoreLock lock) {
        long start = System.nanoTime();
        ChangeFeed feed = setup.adapter().changeFeed().orElseThrow(() -> new ScorelineException(ErrorCode.NO_CHANGE_FEED,
                "adapter " + setup.adapter().name() + " has no change feed, so it cannot be followed",
                "run without --follow"));
        StatusCounts counts = new StatusCounts();
        long results;
        long records;
        long changed;
        Delivery delivery = setup.delivery();
        delivery.openAll();
        try {
            Instant now = setup.now();
            // Taken before the data is read: a change landing meanwhile is applied again, not missed.
            String watermark = feed.currentWatermark();
            LiveScores live = setup.engine().live(setup.scores(), setup.adapter(), setup.problems(), now);
            EmptyData.refuseToClearEverything(setup.store(), live.records(), setup);
            RunAdjustments adjustments = RunAdjustments.read(setup.store(), setup.scoreNames());
            live.adjust(adjustments.all(), now);
            List<ScoreResult> all = new ArrayList<>(live.results());
            all.sort(Comparator.comparing(ScoreResult::score).thenComparing(ScoreResult::record));
            all.forEach(counts::count);
            results = all.size();
            records = live.records();
            changed = firstPass(all, now, delivery, adjustments);
            changed += pollUntilStopped(feed, watermark, live, poll, keepGoing, delivery, lock);
        } finally {
            setup.adapter().close();
        }
        // Stopped by an interrupt (a command's Ctrl-C): the sinks still flush and close (a file
        // channel refuses an interrupted thread), then the interrupt is the caller's again.
        boolean interrupted = Thread.interrupted();
        var sinks = delivery.closeAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new RunReport(records, results, changed, counts.after(), setup.store() == null ? null : followId,
                Duration.ofNanos(System.nanoTime() - start), results, "follow", Map.of(), sinks, false, 0, 0);
    }

    /** Delivers the first pass: what moved since the last run (with a store), else everything; returns how many. */
    private long firstPass(List<ScoreResult> all, Instant now, Delivery delivery, RunAdjustments adjustments) {
        ScoreStore store = setup.store();
        if (store != null) {
            // The first pass is a run like any other: the store says what moved since the last one.
            var app = store.ledger().beginRun(setup.scoreNames(), now, followId,
                    adjustments.runCause(followId, ValueText.groupsOnly()), null, delivery::deliverCommitted,
                    delivery.journal());
            all.forEach(app);
            long changed = app.finish().values().stream().mapToLong(d -> d.changed()).sum();
            adjustments.applied(store);
            return changed;
        }
        List<ScoreUpdate> initial = new ArrayList<>(all.size());
        for (ScoreResult r : all) {
            initial.add(new ScoreUpdate(r, null, null, now, "scored"));
        }
        delivery.deliverAll(initial);
        return initial.size();
    }

    private ChangeFeed.Batch changesSince(ChangeFeed feed, String watermark) {
        try {
            return feed.changesSince(watermark);
        } catch (ScorelineException e) {
            throw e;
        } catch (ChangeFeed.SourceRewritten e) {
            throw new ScorelineException(ErrorCode.CHANGE_FEED, "adapter " + setup.adapter().name() + ": " + e.getMessage()
                    + " while it was followed", "start `scoreline run --follow` again: its first pass scores everything", e);
        } catch (RuntimeException e) {
            throw new ScorelineException(ErrorCode.CHANGE_FEED, "the change feed of adapter " + setup.adapter().name()
                    + " cannot be read from \"" + watermark + "\": " + e.getMessage(),
                    "check the adapter's source; run again (without --follow, a run scores what changed since the last one)", e);
        }
    }

    /** Follows the feed until told to stop; returns how many updates went to the sinks. */
    private long pollUntilStopped(ChangeFeed feed, String watermark, LiveScores live, Duration poll,
                                  BooleanSupplier keepGoing, Delivery delivery, StoreLock lock) {
        long delivered = 0;
        for (long round = 1; keepGoing.getAsBoolean(); round++) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Instant now = setup.now();
            ChangeFeed.Batch batch = changesSince(feed, watermark);
            List<ScoreUpdate> updates = new ArrayList<>();
            for (var change : batch.changes()) {
                updates.addAll(live.apply(change, now));
            }
            // Adjustments made or removed meanwhile (scoreline adjust in another process) apply now.
            RunAdjustments adjustments = RunAdjustments.read(setup.store(), setup.scoreNames());
            if (!adjustments.pending().isEmpty()) {
                updates.addAll(live.adjust(adjustments.all(), now));
            }
            updates.addAll(live.advanceTo(now));
            if (setup.store() != null) {
                lock.check();
                // Each poll is one run in the history; each batch of its updates is stored, and logged
                // as owed to the sinks, before any sink sees it, so a kill re-sends at most that batch.
                updates = setup.store().record(followId + "-" + round, updates, delivery.journal(),
                        delivery::deliverCommitted);
                adjustments.applied(setup.store());
            } else {
                delivery.deliverAll(updates);
            }
            watermark = batch.nextWatermark();
            delivery.flushAll();
            delivered += updates.size();
        }
        return delivered;
    }
}
