package dev.scoreline.engine.internal.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * What was compiled, by what it was compiled from, least recently used dropped beyond a bound: a
 * host that compiles many definition sets (a draft previewed after each edit) keeps only the
 * recent rule bases, not all it ever built. Each value is built once even when several threads
 * ask for it together (the others wait for it); the build runs outside the lock, so building one
 * value never holds up finding another. A build that fails is not kept.
 */
public final class CompileCache<K, V> {

    private final int capacity;
    private final Map<K, CompletableFuture<V>> entries;

    public CompileCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a compile cache holds at least one entry, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > CompileCache.this.capacity;
            }
        };
    }

    /** The value for {@code key}, built by {@code build} when it is not held. */
    public V get(K key, Function<? super K, ? extends V> build) {
        CompletableFuture<V> entry;
        boolean building = false;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                entries.put(key, entry);
                building = true;
            }
        }
        if (building) {
            try {
                entry.complete(build.apply(key));
            } catch (RuntimeException | Error e) {
                synchronized (entries) {
                    entries.remove(key, entry);
                }
                entry.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            // Another thread's build failed: the same failure, as that thread saw it.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** How many values are held: never more than the capacity. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public int capacity() {
        return capacity;
    }
}
