package dev.scoreline.runtime.internal.delivery;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's delivery to the sinks: opens them, hands them updates in batches of at most
 * {@code batch}, counts what every sink took, and at the end flushes and closes them and counts
 * what waits in their outboxes. A sink that cannot open or refuses a batch is a coded failure
 * naming the sink; a failing flush or close is a warning, since what the sink did not take stays
 * in its outbox for the next run.
 */
public final class Delivery {

    private final Map<String, ScoreSink> sinks;
    private final int batch;
    private final DataProblems problems;
    private final List<ScoreUpdate> pending;
    private long delivered;

    public Delivery(Map<String, ScoreSink> sinks, int batch, DataProblems problems) {
        this.sinks = sinks;
        this.batch = batch;
        this.problems = problems;
        this.pending = new ArrayList<>(batch);
    }

    public void openAll() {
        for (ScoreSink s : sinks.values()) {
            try {
                s.open();
            } catch (Exception e) {
                throw outboxFailure(e).orElseGet(() -> new ScorelineException(ErrorCode.SINK_OPEN, "sink " + s.name()
                        + " could not open: " + e.getMessage(), "check the sink's settings and that its target can be written", e));
            }
        }
    }

    /** Buffers one update; a full batch goes to the sinks. */
    public void offer(ScoreUpdate update) {
        pending.add(update);
        if (pending.size() == batch) {
            deliverPending();
        }
    }

    /** Hands the buffered updates to the sinks. */
    public void deliverPending() {
        delivered += deliver(pending);
        pending.clear();
    }

    /** Hands {@code updates} to the sinks in batches; returns how many that is. */
    public long deliverAll(List<ScoreUpdate> updates) {
        long n = 0;
        for (int i = 0; i < updates.size(); i += batch) {
            n += deliver(updates.subList(i, Math.min(updates.size(), i + batch)));
        }
        delivered += n;
        return n;
    }

    /** How many updates every sink took so far. */
    public long delivered() {
        return delivered;
    }

    public void flushAll() {
        for (ScoreSink s : sinks.values()) {
            flushQuietly(s);
        }
    }

    /** Flushes and closes every sink; returns how many updates wait in outboxes. */
    public long closeAll() {
        long outbox = 0;
        for (ScoreSink s : sinks.values()) {
            flushQuietly(s);
            try {
                s.close();
            } catch (Exception e) {
                problems.warning("sink " + s.name(), 0, "could not close: " + e.getMessage());
            }
            if (s instanceof ReliableSink r) {
                outbox += r.pending();
            }
        }
        return outbox;
    }

    private void flushQuietly(ScoreSink s) {
        try {
            s.flush();
        } catch (Exception e) {
            problems.warning("sink " + s.name(), 0, "could not flush: " + e.getMessage()
                    + "; what it did not take stays in its outbox for the next run");
        }
    }

    /** A sink's outbox that cannot be used is the outbox's failure, not the sink's target's. */
    private static Optional<ScorelineException> outboxFailure(Exception e) {
        return Failures.known(e).filter(f -> f.code() == ErrorCode.OUTBOX_FAILED);
    }

    private long deliver(List<ScoreUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        List<ScoreUpdate> copy = List.copyOf(updates);
        for (ScoreSink s : sinks.values()) {
            try {
                s.write(copy);
            } catch (Exception e) {
                // A ReliableSink never throws for a refused batch (it keeps it) unless its outbox fails; a bare sink might.
                throw outboxFailure(e).orElseGet(() -> new ScorelineException(ErrorCode.SINK_FAILED, "sink " + s.name()
                        + " failed: " + e.getMessage(), "check the sink's target; run again once it works", e));
            }
        }
        return copy.size();
    }
}
