package dev.scoreline.testkit;

import dev.scoreline.api.WholeLineFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk that fills up, for testing what a file sink leaves behind: files opened through
 * {@link #opener()} are real files, but once {@code room} bytes have been written through them
 * (all files together) a write stores only what still fits and then fails with
 * {@code IOException: No space left on device}, as a full file system does. {@link #free} makes
 * room again. Truncating and reading work as usual.
 *
 * <pre>{@code
 * FullDisk disk = new FullDisk(10_000);
 * JsonlSink sink = new JsonlSink(file, disk.opener());
 * }</pre>
 */
public final class FullDisk {

    private final AtomicLong room;

    /** A disk with room for {@code room} more bytes. */
    public FullDisk(long room) {
        this.room = new AtomicLong(room);
    }

    /** Opens real files whose writes fail once the disk is full. */
    public WholeLineFile.Opener opener() {
        return file -> new Filling(WholeLineFile.FILES.open(file), file);
    }

    /** Makes room for {@code bytes} more bytes. */
    public void free(long bytes) {
        room.addAndGet(bytes);
    }

    /** How many bytes can still be written. */
    public long room() {
        return Math.max(0, room.get());
    }

    /** A real file's channel whose writes take from the disk's room. */
    private final class Filling extends FileChannel {
        private final FileChannel real;
        private final Path file;

        Filling(FileChannel real, Path file) {
            this.real = real;
            this.file = file;
        }

        /** Writes what fits of {@code src}; when not all of it fits, stores that much and then fails. */
        private int take(ByteBuffer src, IoWrite write) throws IOException {
            int wanted = src.remaining();
            int fits = (int) Math.min(wanted, Math.max(0, room.get()));
            int written = 0;
            if (fits > 0) {
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + fits);
                written = write.to(part);
                src.position(src.position() + written);
                room.addAndGet(-written);
            }
            if (fits < wanted) {
                throw new IOException("No space left on device (writing " + file + ")");
            }
            return written;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return take(src, real::write);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return take(src, part -> real.write(part, position));
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("transferFrom is not supported on a test disk");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new IOException("map is not supported on a test disk");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }

    @FunctionalInterface
    private interface IoWrite {
        int to(ByteBuffer part) throws IOException;
    }
}
