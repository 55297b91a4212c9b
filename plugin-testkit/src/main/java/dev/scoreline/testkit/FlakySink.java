package dev.scoreline.testkit;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.io.IOException;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Wraps a sink and makes chosen calls fail, the way a database or endpoint that comes and goes
 * does: {@code FlakySink.failingFirst(3, sink)} refuses the first three writes;
 * {@code FlakySink.failing(n -> n % 2 == 1, sink)} every odd one. A refused write passes nothing on.
 */
public final class FlakySink implements ScoreSink {

    private final ScoreSink delegate;
    private final IntPredicate failWrite;
    private volatile boolean down;
    private int writes;
    private int failures;

    private FlakySink(ScoreSink delegate, IntPredicate failWrite) {
        this.delegate = delegate;
        this.failWrite = failWrite;
    }

    /** Fails write number {@code n} (from 1) when the predicate holds. */
    public static FlakySink failing(IntPredicate writeNumber, ScoreSink delegate) {
        return new FlakySink(delegate, writeNumber);
    }

    public static FlakySink failingFirst(int writes, ScoreSink delegate) {
        return new FlakySink(delegate, n -> n <= writes);
    }

    /** Takes the sink down (every call fails) or brings it back. */
    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void open() throws Exception {
        if (down) {
            throw new IOException("sink is down (open)");
        }
        delegate.open();
    }

    @Override
    public void write(List<ScoreUpdate> updates) throws Exception {
        synchronized (this) {
            writes++;
            if (down || failWrite.test(writes)) {
                failures++;
                throw new IOException("sink refused write #" + writes);
            }
        }
        delegate.write(updates);
    }

    @Override
    public void flush() throws Exception {
        if (down) {
            throw new IOException("sink is down (flush)");
        }
        delegate.flush();
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }

    public synchronized int writes() {
        return writes;
    }

    public synchronized int failures() {
        return failures;
    }
}
