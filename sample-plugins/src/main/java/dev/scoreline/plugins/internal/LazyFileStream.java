package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream over a file that opens the file on first use and reads it only as fast as the stream is
 * consumed, so a file of millions of lines never sits in memory. Closing the stream closes the file.
 */
public final class LazyFileStream {

    /** Reads items from an open file; returns false at the end. */
    public interface Reader<T> extends AutoCloseable {
        boolean next(Consumer<? super T> action) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens a reader over a file that exists. */
    public interface Opener<T> {
        Reader<T> open(Path file) throws IOException;
    }

    private LazyFileStream() { }

    /** A lazy stream of the file's items; an empty stream when the file does not exist. */
    public static <T> Stream<T> of(Path file, Opener<T> opener) {
        return of(List.of(file), opener);
    }

    /**
     * The items of several files, one after the other, each opened only when the one before is
     * done. (Stream.flatMap would do, except that pulling its result through an iterator buffers a
     * whole inner stream, i.e. a whole file.) Files that do not exist are skipped.
     */
    public static <T> Stream<T> of(List<Path> files, Opener<T> opener) {
        List<Path> existing = files.stream().filter(Files::exists).toList();
        if (existing.isEmpty()) {
            return Stream.empty();
        }
        Holder<T> holder = new Holder<>(new ArrayDeque<>(existing), opener);
        return StreamSupport.stream(holder, false).onClose(holder::close);
    }

    private static final class Holder<T> extends Spliterators.AbstractSpliterator<T> {
        private final Deque<Path> files;
        private final Opener<T> opener;
        private Path file;
        private Reader<T> reader;
        private boolean done;

        Holder(Deque<Path> files, Opener<T> opener) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.files = files;
            this.opener = opener;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (!done) {
                try {
                    if (reader == null) {
                        if (files.isEmpty()) {
                            done = true;
                            return false;
                        }
                        file = files.removeFirst();
                        reader = opener.open(file);
                    }
                    if (reader.next(action)) {
                        return true;
                    }
                    closeReader();
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            return false;
        }

        void close() {
            done = true;
            closeReader();
        }

        private void closeReader() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + file, e);
                } finally {
                    reader = null;
                }
            }
        }
    }
}
