package dev.scoreline.learn.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Independent steps run side by side on the machine's cores (two loads of the held data, the fits
 * of the penalties tried): what one throws is thrown as it was, not wrapped.
 */
public final class Both {

    private Both() { }

    /** {@code first} on this thread and {@code second} on another, both results. */
    public static <A, B> Pair<A, B> of(Supplier<A> first, Supplier<B> second) {
        CompletableFuture<B> other = CompletableFuture.supplyAsync(second);
        A a;
        try {
            a = first.get();
        } catch (RuntimeException | Error e) {
            other.cancel(false);
            throw e;
        }
        return new Pair<>(a, join(other));
    }

    /** Every step's result, in the order given, the steps spread over the cores. */
    public static <T> List<T> all(List<Supplier<T>> steps) {
        // Not the common pool: on two cores it has one thread, and this thread only waits.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "scoreline-learn");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<T>> futures = steps.stream().map(s -> CompletableFuture.supplyAsync(s, pool)).toList();
            return futures.stream().map(Both::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Two results. */
    public record Pair<A, B>(A first, B second) { }
}
