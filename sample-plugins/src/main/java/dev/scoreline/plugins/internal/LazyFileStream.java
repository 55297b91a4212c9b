package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        Holder<T> holder = new Holder<>(file, opener);
        return StreamSupport.stream(holder, false).onClose(holder::close);
    }

    private static final class Holder<T> extends Spliterators.AbstractSpliterator<T> {
        private final Path file;
        private final Opener<T> opener;
        private Reader<T> reader;
        private boolean done;

        Holder(Path file, Opener<T> opener) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.file = file;
            this.opener = opener;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (done) {
                return false;
            }
            try {
                if (reader == null) {
                    reader = opener.open(file);
                }
                if (!reader.next(action)) {
                    close();
                    return false;
                }
                return true;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        void close() {
            done = true;
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
