package dev.scoreline.plugins.internal;

import dev.scoreline.api.ReadProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The bytes a file adapter's streams have read of its files, for {@code CrmAdapter.readProgress()}:
 * the files a load reads are opened through {@link #open}, which counts what passes; the total is
 * their size when the progress is asked for (the load is about to start).
 */
public final class ReadMeter implements ReadProgress {

    private final Supplier<List<Path>> files;
    private final AtomicLong read = new AtomicLong();
    private volatile long total;

    /** @param files the files a whole load reads (those that do not exist count 0) */
    public ReadMeter(Supplier<List<Path>> files) {
        this.files = files;
    }

    /** This meter, its total measured now and its count started from 0: a load is starting. */
    public ReadProgress start() {
        long sum = 0;
        for (Path f : files.get()) {
            try {
                sum += Files.isRegularFile(f) ? Files.size(f) : 0;
            } catch (IOException e) {
                // A file that cannot be sized is read (or reported) by the load; the ETA is only less sure.
            }
        }
        total = sum;
        read.set(0);
        return this;
    }

    /** Opens a file of the load, counting the bytes read from it. */
    public InputStream open(Path file) throws IOException {
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }

    @Override
    public long read() {
        return read.get();
    }

    @Override
    public long total() {
        return total;
    }
}
