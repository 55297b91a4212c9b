package dev.scoreline.engine.internal.data;

import dev.scoreline.api.DataProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads an adapter's stream on a second thread while the calling thread consumes it: parsing
 * (the adapter's work) on one core, shaping and interning (the engine's) on the other. Items go
 * over in batches through a bounded queue, so memory stays bounded, and in stream order. What
 * the adapter reports to its {@link DataProblems} while reading travels in the same batches and
 * reaches the real sink on the consuming thread, in the order one thread would have given.
 */
final class ReadAhead {

    private static final int BATCH = 2048;
    private static final int BATCHES_IN_FLIGHT = 8;

    private ReadAhead() { }

    /** A problem reported while reading, replayed on the consuming thread. */
    private record Report(Runnable replay) { }

    /** The end of the stream, or the failure that ended it. */
    private record End(Throwable failure) { }

    /**
     * The sink an adapter is opened with during a load: on a read-ahead thread, problems join
     * the batch being filled; on any other thread, they go straight through.
     */
    static final class Problems implements DataProblems {
        private final DataProblems delegate;
        private final ThreadLocal<List<Object>> batch = new ThreadLocal<>();

        Problems(DataProblems delegate) {
            this.delegate = delegate;
        }

        @Override
        public void badLine(String source, long line, String reason) {
            route(() -> delegate.badLine(source, line, reason));
        }

        @Override
        public void warning(String source, long line, String message) {
            route(() -> delegate.warning(source, line, message));
        }

        private void route(Runnable report) {
            List<Object> b = batch.get();
            if (b == null) {
                report.run();
            } else {
                b.add(new Report(report));
            }
        }
    }

    /** Gives every item of the stream {@code open} supplies to {@code consumer}, in order. */
    static <T> void forEach(Supplier<Stream<T>> open, Consumer<? super T> consumer, Problems problems) {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        Thread reader = new Thread(() -> read(open, queue, problems), "scoreline-read-ahead");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (!done) {
                for (Object item : queue.take()) {
                    if (item instanceof Report r) {
                        r.replay().run();
                    } else if (item instanceof End end) {
                        done = true;
                        if (end.failure() != null) {
                            throw rethrow(end.failure());
                        }
                    } else {
                        @SuppressWarnings("unchecked")
                        T t = (T) item;
                        consumer.accept(t);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading data", e);
        } finally {
            if (!done) {
                reader.interrupt(); // the consumer failed: stop reading, the reader closes the stream
            }
        }
    }

    private static <T> void read(Supplier<Stream<T>> open, BlockingQueue<List<Object>> queue, Problems problems) {
        List<Object> batch = new ArrayList<>(BATCH);
        problems.batch.set(batch);
        Throwable failure = null;
        try (Stream<T> stream = open.get()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() >= BATCH) {
                    if (!hand(queue, batch)) {
                        return;
                    }
                    batch = new ArrayList<>(BATCH);
                    problems.batch.set(batch);
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            problems.batch.remove();
        }
        batch.add(new End(failure));
        hand(queue, batch);
    }

    /** False when the consumer gave up (the reader was interrupted). */
    private static boolean hand(BlockingQueue<List<Object>> queue, List<Object> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t.getMessage(), t);
    }
}
