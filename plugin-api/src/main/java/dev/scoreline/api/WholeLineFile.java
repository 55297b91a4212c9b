package dev.scoreline.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A file that only ever grows by whole lines, for sinks and outboxes that append text lines.
 * Opening it cuts a torn last line (bytes after the last {@code \n}: an append a crash or a full
 * disk stopped half way), and {@link #append} writes its whole buffer or, when the write fails,
 * truncates the file back to its length before the write and rethrows. So a reader never sees
 * half a line, and the next append never joins one.
 *
 * <p>The file sinks (jsonl, csv) and the runtime's outboxes append through this class; a plugin
 * author writing a file sink can too. {@link Opener} says how the file's channel is opened, so a
 * test can give one that fails like a full disk (the testkit's {@code FullDisk}).
 */
public final class WholeLineFile implements AutoCloseable {

    /** Opens the channel of a file for reading and writing, creating it when missing. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    /** The operating system's files. */
    public static final Opener FILES = file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);

    private static final int BLOCK = 8192;

    private final Path file;
    private final FileChannel channel;
    private final long cut;
    private long size;

    private WholeLineFile(Path file, FileChannel channel, long size, long cut) {
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.cut = cut;
    }

    /** Opens (creating it and its folders) a file of the operating system; see {@link #open(Path, Opener)}. */
    public static WholeLineFile open(Path file) throws IOException {
        return open(file, FILES);
    }

    /** Opens the file through {@code opener} and cuts a torn last line, forcing the cut to disk. */
    public static WholeLineFile open(Path file, Opener opener) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = opener.open(file);
        try {
            long end = channel.size();
            long keep = endOfLastLine(channel, end);
            if (keep != end) {
                channel.truncate(keep);
                channel.force(true);
            }
            return new WholeLineFile(file, channel, keep, end - keep);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The length of the file: whole lines only. */
    public synchronized long size() {
        return size;
    }

    /** How many bytes of a torn last line the open cut off (0: the file ended with a whole line). */
    public long cutOnOpen() {
        return cut;
    }

    /**
     * Appends {@code lines}, which must be whole lines (empty, or ending with {@code \n}): all of
     * them, or nothing when the write fails (the file is truncated back before the failure is
     * thrown). Not forced to disk; see {@link #force}.
     */
    public synchronized void append(byte[] lines) throws IOException {
        if (lines.length == 0) {
            return;
        }
        if (lines[lines.length - 1] != '\n') {
            throw new IllegalArgumentException("an append to " + file + " must end with a line break");
        }
        long before = size;
        ByteBuffer buffer = ByteBuffer.wrap(lines);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, before + buffer.position());
            }
        } catch (IOException | RuntimeException e) {
            try {
                channel.truncate(before);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        size = before + lines.length;
    }

    /** Empties the file (an outbox whose lines were all delivered), forced to disk. */
    public synchronized void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        size = 0;
    }

    /** Forces what was appended to the disk. */
    public synchronized void force() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** The length up to and including the last {@code \n} of the first {@code end} bytes. */
    private static long endOfLastLine(FileChannel channel, long end) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long from = end;
        while (from > 0) {
            long start = Math.max(0, from - BLOCK);
            block.clear().limit((int) (from - start));
            while (block.hasRemaining()) {
                if (channel.read(block, start + block.position()) < 0) {
                    throw new IOException(channel + " ended before its size");
                }
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            from = start;
        }
        return 0;
    }
}
