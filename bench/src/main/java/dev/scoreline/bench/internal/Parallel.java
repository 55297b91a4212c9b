package dev.scoreline.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs work over [0, n) in chunks on a few threads (the calling thread alone when threads is 1). */
public final class Parallel {
    private Parallel() { }

    public interface RangeTask {
        void run(int from, int to) throws Exception;
    }

    public static void forRange(int threads, int n, int chunk, RangeTask task) throws Exception {
        if (threads <= 1 || n <= chunk) {
            // in chunks all the same: a method called per chunk gets fully compiled, a single
            // long call would only ever run on-stack-replacement code
            for (int from = 0; from < n; from += chunk) task.run(from, Math.min(n, from + chunk));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(chunk)) < n) task.run(from, Math.min(n, from + chunk));
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception x) throw x;
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
