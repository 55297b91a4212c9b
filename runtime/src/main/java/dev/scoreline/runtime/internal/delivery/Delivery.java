package dev.scoreline.runtime.internal.delivery;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.Failures;
import dev.scoreline.runtime.SinkReport;
import dev.scoreline.store.DeliveryLog;
import dev.scoreline.store.ScoreDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's delivery to the sinks: opens them, hands them updates in batches of at most
 * {@code batch}, and at the end flushes and closes them and says per sink what it took, what was
 * retried and what is kept for the next run ({@link SinkReport}). A sink that cannot open or
 * refuses a batch is a coded failure naming the sink; a failing flush is reported on the sink,
 * since what it did not take stays for the next run.
 *
 * <p>With a store's {@link DeliveryLog}, each batch the store commits is logged as owed to every
 * sink ({@link #journal}); after the batch reached a sink and the sink flushed, the sink
 * acknowledges it. {@link #openAll} first re-sends each sink what it had not acknowledged when an
 * earlier run stopped: at most the batch that was in flight, not everything that run committed.
 */
public final class Delivery {

    private final Map<String, ScoreSink> sinks;
    private final int batch;
    private final DataProblems problems;
    private final DeliveryLog log;
    private final List<ScoreUpdate> pending;
    /** The properties each score is stored in: the store's left-scope updates know only the score's name. */
    private final Map<String, ScoreProperties> properties = new HashMap<>();
    /** Per sink: updates re-sent from the log, and why its last flush failed (absent: it did not). */
    private final Map<String, Long> resent = new HashMap<>();
    private final Map<String, String> flushFailures = new HashMap<>();
    /** Per sink: updates handed to it (what a sink that is not a {@link ReliableSink} took). */
    private final Map<String, Long> handed = new HashMap<>();

    /** @param log the store's delivery log, or null without a store (nothing is logged or re-sent) */
    public Delivery(Map<String, ScoreSink> sinks, int batch, DataProblems problems, DeliveryLog log) {
        this.sinks = sinks;
        this.batch = batch;
        this.problems = problems;
        this.log = log;
        this.pending = new ArrayList<>(batch);
    }

    /** How the store logs each committed batch for these sinks; null without a log. */
    public DeliveryLog.Journal journal() {
        return log == null ? null : new DeliveryLog.Journal(List.copyOf(sinks.keySet()), UpdateCodec::encodeAll);
    }

    /** Opens every sink, then re-sends each what it had not acknowledged when an earlier run stopped. */
    public void openAll() {
        for (ScoreSink s : sinks.values()) {
            if (s instanceof ReliableSink r) {
                r.startCounting();
            }
            try {
                s.open();
            } catch (Exception e) {
                throw outboxFailure(e).orElseGet(() -> new ScorelineException(ErrorCode.SINK_OPEN, "sink " + s.name()
                        + " could not open: " + e.getMessage(), "check the sink's settings and that its target can be written", e));
            }
        }
        if (log != null) {
            sinks.forEach(this::resendOwed);
        }
    }

    /** Buffers one update (a run without a store); a full batch goes to the sinks. */
    public void offer(ScoreUpdate update) {
        pending.add(update);
        if (pending.size() == batch) {
            deliverPending();
        }
    }

    /** Hands the buffered updates to the sinks. */
    public void deliverPending() {
        deliverAll(pending);
        pending.clear();
    }

    /** Hands {@code updates} to every sink in batches. */
    public void deliverAll(List<ScoreUpdate> updates) {
        sinks.forEach((name, s) -> writeTo(name, s, updates));
    }

    /**
     * Hands a batch the store committed to every sink (its changes, then a left-scope update per
     * record that left the scope); once a sink flushed it, the sink
     * acknowledges it in the store's delivery log, so a crash later does not re-send it.
     */
    public void deliverCommitted(ScoreDiff.Batch committed) {
        deliverAll(committed.updates().stream().map(this::named).toList());
        if (committed.logged() > 0) {
            List<String> flushed = new ArrayList<>();
            sinks.forEach((name, s) -> {
                if (flush(name, s)) {
                    flushed.add(name);
                }
            });
            log.acknowledge(flushed, committed.logged());
        }
    }

    /** Names the properties {@code score} is stored in, for its left-scope updates. */
    public void knowProperties(String score, ScoreProperties names) {
        properties.put(score, names);
    }

    /** A left-scope update from the store, with the properties of its score's definition where known. */
    private ScoreUpdate named(ScoreUpdate u) {
        ScoreProperties names = properties.get(u.result().score());
        return !u.leftScope() || names == null ? u : ScoreUpdate.leftScope(u.result().score(), u.result().record(), names,
                u.previousValue(), u.previousStatus(), u.at(), u.cause());
    }

    public void flushAll() {
        sinks.forEach(this::flush);
    }

    /** Flushes and closes every sink; returns what each got in this run. */
    public List<SinkReport> closeAll() {
        List<SinkReport> out = new ArrayList<>();
        sinks.forEach((name, s) -> {
            flush(name, s);
            try {
                s.close();
            } catch (Exception e) {
                problems.warning("sink " + s.name(), 0, "could not close: " + e.getMessage());
            }
            out.add(report(name, s));
        });
        return out;
    }

    private SinkReport report(String name, ScoreSink s) {
        long kept = log == null ? 0 : log.owedUpdates(name);
        long delivered = handed.getOrDefault(name, 0L);
        long retried = 0;
        Exception failure = null;
        if (s instanceof ReliableSink r) {
            kept += r.pending();
            delivered = r.delivered();
            retried = r.retries();
            failure = r.lastFailure();
        }
        String why = flushFailures.get(name);
        if (why == null && kept > 0) {
            why = failure == null ? "not delivered" : describe(failure);
        }
        return new SinkReport(name, delivered, retried, kept, resent.getOrDefault(name, 0L), why);
    }

    /** A sink's failure for the summary: a file system's exceptions say only the path, so their kind goes first. */
    private static String describe(Exception e) {
        if (e instanceof java.io.IOException && !(e.getMessage() != null && e.getMessage().contains(" "))) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.getMessage();
    }

    /** Flushes a sink; false (and the reason kept for its report) when it could not. */
    private boolean flush(String name, ScoreSink s) {
        try {
            s.flush();
            flushFailures.remove(name);
            return true;
        } catch (Exception e) {
            flushFailures.put(name, "could not flush: " + describe(e));
            problems.warning("sink " + s.name(), 0, "could not flush: " + e.getMessage()
                    + "; what it did not take is kept for the next run");
            return false;
        }
    }

    /** Re-sends a sink the logged batches it had not acknowledged, oldest first, acknowledging each it flushed. */
    private void resendOwed(String name, ScoreSink s) {
        for (DeliveryLog.Entry owed : log.owed(name)) {
            List<ScoreUpdate> updates;
            try {
                updates = UpdateCodec.decodeAll(owed.payload());
            } catch (IllegalArgumentException e) {
                throw DurableQueue.failed("the store's delivery log holds a batch (seq " + owed.seq() + " of run "
                        + owed.runId() + ") that is not updates (" + e.getMessage() + ")", e);
            }
            writeTo(name, s, updates);
            resent.merge(name, (long) updates.size(), Long::sum);
            // Unflushed, it stays owed; a later batch's acknowledgement (after a flush) covers it.
            if (flush(name, s)) {
                log.acknowledge(List.of(name), owed.seq());
            }
        }
    }

    /** A sink's outbox that cannot be used is the outbox's failure, not the sink's target's. */
    private static Optional<ScorelineException> outboxFailure(Exception e) {
        return Failures.known(e).filter(f -> f.code() == ErrorCode.OUTBOX_FAILED);
    }

    private void writeTo(String name, ScoreSink s, List<ScoreUpdate> updates) {
        handed.merge(name, (long) updates.size(), Long::sum);
        for (int i = 0; i < updates.size(); i += batch) {
            List<ScoreUpdate> part = List.copyOf(updates.subList(i, Math.min(updates.size(), i + batch)));
            try {
                s.write(part);
            } catch (Exception e) {
                // A ReliableSink never throws for a refused batch (it keeps it) unless its outbox fails; a bare sink might.
                throw outboxFailure(e).orElseGet(() -> new ScorelineException(ErrorCode.SINK_FAILED, "sink " + s.name()
                        + " failed: " + e.getMessage(), "check the sink's target; run again once it works", e));
            }
        }
    }
}
