package dev.scoreline.api;

import dev.scoreline.api.internal.DurableQueue;
import dev.scoreline.api.internal.MiniJson;
import dev.scoreline.api.internal.UpdateCodec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Wraps a sink so that no update is ever dropped: a failing write is retried with exponential
 * backoff, and a batch the sink still refuses is kept in a durable outbox file and delivered, in
 * order, on a later write, flush, or the next run's {@link #open()}.
 *
 * <pre>{@code
 * ScoreSink sink = ReliableSink.wrap(new JdbcSink(dataSource))
 *         .outbox(Path.of("state/jdbc-outbox.jsonl"))
 *         .attempts(5)
 *         .build();
 * }</pre>
 *
 * <p>Order: once anything is in the outbox, newer batches queue behind it, so a record's updates
 * reach the sink in the order they were written. Delivery is at least once: an update the sink
 * took just before a crash, and whose delivery was not yet recorded, is offered again on restart;
 * sinks that upsert (JDBC) or that receivers dedupe by key (webhooks) absorb that.
 *
 * <p>A batch the sink can never take (a permanent error) stays at the head of the outbox and
 * holds back the ones behind it; {@link #pending()} tells, and the outbox file is plain JSON lines
 * an operator can read and edit.
 */
public final class ReliableSink implements ScoreSink {

    /** Retries before a batch goes to the outbox, with their waits. */
    public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {
        public RetryPolicy {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        public static RetryPolicy defaults() {
            return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
        }

        /** The wait before attempt {@code n + 1} (n from 1): doubling from the first backoff, capped. */
        public Duration backoff(int n) {
            long millis = firstBackoff.toMillis() << Math.min(n - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    public static final class Builder {
        private final ScoreSink delegate;
        private Path outbox;
        private RetryPolicy retry = RetryPolicy.defaults();

        private Builder(ScoreSink delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** The outbox file (required); one per wrapped sink. */
        public Builder outbox(Path file) {
            this.outbox = Objects.requireNonNull(file, "file");
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder attempts(int attempts) {
            this.retry = new RetryPolicy(attempts, retry.firstBackoff(), retry.maxBackoff());
            return this;
        }

        public Builder backoff(Duration first, Duration max) {
            this.retry = new RetryPolicy(retry.attempts(), first, max);
            return this;
        }

        public ReliableSink build() {
            if (outbox == null) {
                throw new IllegalStateException("ReliableSink for \"" + delegate.name() + "\" needs an outbox file");
            }
            return new ReliableSink(delegate, new DurableQueue(outbox), retry);
        }
    }

    public static Builder wrap(ScoreSink delegate) {
        return new Builder(delegate);
    }

    private final ScoreSink delegate;
    private final DurableQueue outbox;
    private final RetryPolicy retry;
    private boolean delegateOpen;
    private Exception lastFailure;

    private ReliableSink(ScoreSink delegate, DurableQueue outbox, RetryPolicy retry) {
        this.delegate = delegate;
        this.outbox = outbox;
        this.retry = retry;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    public ScoreSink delegate() {
        return delegate;
    }

    /** Updates in the outbox, not yet taken by the sink. */
    public long pending() {
        long updates = 0;
        synchronized (this) {
            DurableQueue.Chunk all = outbox.peek(Integer.MAX_VALUE);
            for (String line : all.lines()) {
                updates += ((List<?>) MiniJson.parse(line)).size();
            }
        }
        return updates;
    }

    /** Why the sink last refused a batch, or {@code null}. */
    public synchronized Exception lastFailure() {
        return lastFailure;
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
        if (outbox.isEmpty() && ensureOpen() && deliver(updates)) {
            return;
        }
        outbox.append(List.of(encode(updates)));
        drain();
    }

    /** Delivers the outbox, then flushes the sink; throws only when the sink's flush itself keeps failing. */
    @Override
    public synchronized void flush() throws Exception {
        drain();
        if (delegateOpen) {
            Exception failure = null;
            for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
                try {
                    delegate.flush();
                    return;
                } catch (Exception e) {
                    failure = e;
                    sleep(attempt);
                }
            }
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

    /** Delivers outbox batches in order until one is refused; true when the outbox is empty. */
    private boolean drain() {
        while (!outbox.isEmpty()) {
            if (!ensureOpen()) {
                return false;
            }
            DurableQueue.Chunk head = outbox.peek(1);
            if (head.lines().isEmpty()) {
                return true;
            }
            List<ScoreUpdate> batch = decode(head.lines().get(0));
            if (!deliver(batch)) {
                return false;
            }
            outbox.ack(head);
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

    private boolean deliver(List<ScoreUpdate> batch) {
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            try {
                delegate.write(batch);
                return true;
            } catch (Exception e) {
                lastFailure = e;
                if (attempt < retry.attempts()) {
                    sleep(attempt);
                }
            }
        }
        return false;
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(retry.backoff(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(List<ScoreUpdate> updates) {
        List<Map<String, Object>> items = new ArrayList<>(updates.size());
        for (ScoreUpdate update : updates) {
            items.add(UpdateCodec.toMap(update));
        }
        return MiniJson.write(items);
    }

    @SuppressWarnings("unchecked")
    private static List<ScoreUpdate> decode(String line) {
        List<ScoreUpdate> out = new ArrayList<>();
        for (Object item : (List<Object>) MiniJson.parse(line)) {
            out.add(UpdateCodec.fromMap((Map<String, Object>) item));
        }
        return out;
    }
}
