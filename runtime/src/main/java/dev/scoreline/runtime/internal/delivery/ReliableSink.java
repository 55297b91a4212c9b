package dev.scoreline.runtime.internal.delivery;

import dev.scoreline.api.PartialWriteException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.runtime.SinkOutbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wraps a sink so that no update is ever dropped: a failing write is retried with exponential
 * backoff, and what the sink still has not taken is kept in a durable outbox file, one update a
 * line, and delivered, in order, on a later write, flush, or the next run's {@link #open()}. A
 * {@link PartialWriteException} keeps only the updates after the ones the sink took.
 *
 * <p>Order: once anything is in the outbox, newer batches queue behind it, so a record's updates
 * reach the sink in the order they were written. Delivery is at least once: an update the sink
 * took just before a crash, and whose delivery was not yet recorded, is offered again on restart;
 * sinks that upsert (JDBC) or that receivers dedupe by key (webhooks) absorb that.
 *
 * <p>An update the sink can never take (a permanent error) stays at the head of the outbox and
 * holds back the ones behind it; {@link #pending()} tells, and the outbox file is plain JSON lines
 * an operator can read and edit.
 */
public final class ReliableSink implements ScoreSink {

    /** Updates read from the outbox and offered to the sink at a time. */
    static final int DRAIN_BATCH = 1000;

    private final String name;
    private final ScoreSink delegate;
    private final DurableQueue outbox;
    private final SinkOutbox policy;
    private boolean delegateOpen;
    private Exception lastFailure;
    private long pausedUntil = System.nanoTime();
    /** Since {@link #startCounting}: updates the sink took, and attempts that had to be repeated. */
    private long delivered;
    private long retries;

    private ReliableSink(String name, ScoreSink delegate, DurableQueue outbox, SinkOutbox policy) {
        this.name = name;
        this.delegate = delegate;
        this.outbox = outbox;
        this.policy = policy;
    }

    /** Wraps {@code delegate}, keeping what it has not taken in {@code file}; the policy's own file is not read. */
    public static ReliableSink wrap(ScoreSink delegate, Path file, SinkOutbox policy) {
        return wrap(delegate.name(), delegate, file, policy);
    }

    /** As {@link #wrap(ScoreSink, Path, SinkOutbox)}, for a sink bound under {@code name} (its id in a config). */
    public static ReliableSink wrap(String name, ScoreSink delegate, Path file, SinkOutbox policy) {
        return new ReliableSink(Objects.requireNonNull(name, "name"), Objects.requireNonNull(delegate, "delegate"),
                new DurableQueue(file), Objects.requireNonNull(policy, "policy"));
    }

    /** The name the sink is bound under, which messages use: two webhooks differ by it, not by their kind. */
    @Override
    public String name() {
        return name;
    }

    public ScoreSink delegate() {
        return delegate;
    }

    /** Updates in the outbox, not yet taken by the sink. */
    public long pending() {
        return outbox.pending();
    }

    /** Why the sink last refused a write, or {@code null}. */
    public synchronized Exception lastFailure() {
        return lastFailure;
    }

    /** Starts counting a run's deliveries afresh (see {@link #delivered}, {@link #retries}). */
    public synchronized void startCounting() {
        delivered = 0;
        retries = 0;
        lastFailure = null;
    }

    /** Updates the sink took since {@link #startCounting}: new ones, and ones from the outbox. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Writes that failed and were tried again since {@link #startCounting}. */
    public synchronized long retries() {
        return retries;
    }

    /** Opens the sink and delivers what an earlier run left in the outbox; a sink that is down is not an error here. */
    @Override
    public synchronized void open() {
        ensureOpen();
        drain();
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<ScoreUpdate> rest = updates;
        if (outbox.isEmpty() && !paused() && ensureOpen()) {
            rest = deliver(updates);
            if (rest.isEmpty()) {
                return;
            }
        }
        List<String> lines = new ArrayList<>(rest.size());
        for (ScoreUpdate update : rest) {
            lines.add(UpdateCodec.encode(update));
        }
        outbox.append(lines);
        if (!paused()) {
            drain();
        }
    }

    /** Delivers the outbox, then flushes the sink; throws only when the sink's flush itself keeps failing. */
    @Override
    public synchronized void flush() throws Exception {
        drain();
        if (delegateOpen) {
            Exception failure = null;
            for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
                try {
                    delegate.flush();
                    return;
                } catch (Exception e) {
                    failure = e;
                    if (attempt < policy.attempts()) {
                        retries++;
                        sleep(attempt);
                    }
                }
            }
            lastFailure = failure;
            throw failure;
        }
    }

    @Override
    public synchronized void close() throws Exception {
        drain();
        if (delegateOpen) {
            delegateOpen = false;
            delegate.close();
        }
    }

    /** Delivers the outbox in order until the sink stops taking; true when the outbox is empty. */
    private boolean drain() {
        while (!outbox.isEmpty()) {
            if (!ensureOpen()) {
                return false;
            }
            DurableQueue.Chunk head = outbox.peek(DRAIN_BATCH);
            if (head.lines().isEmpty()) {
                return true;
            }
            List<ScoreUpdate> batch = new ArrayList<>(head.lines().size());
            for (String line : head.lines()) {
                try {
                    batch.add(UpdateCodec.decode(line));
                } catch (IllegalArgumentException e) {
                    throw DurableQueue.failed("outbox " + outbox.file() + " holds a line that is not an update ("
                            + e.getMessage() + ")", e);
                }
            }
            List<ScoreUpdate> rest = deliver(batch);
            outbox.ack(head, batch.size() - rest.size());
            if (!rest.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private boolean ensureOpen() {
        if (delegateOpen) {
            return true;
        }
        try {
            delegate.open();
            delegateOpen = true;
            return true;
        } catch (Exception e) {
            lastFailure = e;
            return false;
        }
    }

    /** Offers the batch, retrying what the sink has not taken; returns what it still has not taken. */
    private List<ScoreUpdate> deliver(List<ScoreUpdate> batch) {
        List<ScoreUpdate> rest = batch;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            try {
                delegate.write(rest);
                delivered += rest.size();
                return List.of();
            } catch (PartialWriteException e) {
                lastFailure = e;
                int taken = Math.min(e.taken(), rest.size());
                delivered += taken;
                rest = rest.subList(taken, rest.size());
                if (rest.isEmpty()) {
                    return rest;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            if (attempt < policy.attempts()) {
                retries++;
                sleep(attempt);
            }
        }
        pausedUntil = System.nanoTime() + policy.pauseAfterFailure().toNanos();
        return rest;
    }

    private boolean paused() {
        return System.nanoTime() - pausedUntil < 0;
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(policy.jitteredBackoff(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
