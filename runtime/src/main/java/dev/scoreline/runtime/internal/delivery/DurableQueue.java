package dev.scoreline.runtime.internal.delivery;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.api.WholeLineFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A first-in first-out queue of text lines in a file that survives restarts: the outbox behind
 * {@link ReliableSink}, one line per update.
 *
 * <p>{@code FILE} holds the lines, appended and forced to disk before {@link #append} returns;
 * {@code FILE.acked} holds the byte offset up to which lines were delivered, replaced atomically.
 * When everything is delivered both are emptied. The file is a {@link WholeLineFile}: a last line
 * without its newline is a write that never returned (a crash mid-append, a full disk), cut off
 * when the queue is opened, and a failed append leaves the file as it was.
 */
public final class DurableQueue {

    /** Lines read from the head of the queue, and where each ends in the file. */
    public record Chunk(List<String> lines, List<Long> ends) {
        public Chunk {
            lines = List.copyOf(lines);
            ends = List.copyOf(ends);
        }
    }

    private final Path file;
    private final Path ackFile;
    private long acked;
    private long size;
    private long pending;

    public DurableQueue(Path file) {
        this.file = file.toAbsolutePath();
        this.ackFile = this.file.resolveSibling(this.file.getFileName() + ".acked");
        try {
            try (WholeLineFile lines = WholeLineFile.open(this.file)) {
                size = lines.size();
            }
            acked = Files.exists(ackFile) ? Long.parseLong(Files.readString(ackFile).strip()) : 0;
            if (acked < 0) {
                throw new IOException("outbox offset file " + ackFile + " holds a negative offset");
            }
            if (acked > size) {
                // A crash after emptying the queue and before removing the offset: all was delivered.
                acked = size;
            }
            pending = countLines(acked);
        } catch (IOException e) {
            throw failed("cannot open outbox " + this.file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw failed("outbox offset file " + ackFile + " is damaged: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Lines appended and not yet acknowledged. */
    public synchronized long pending() {
        return pending;
    }

    public synchronized boolean isEmpty() {
        return pending == 0;
    }

    /** Appends lines (each without a line break) and forces them to disk. */
    public synchronized void append(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an outbox line must not hold a line break");
            }
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        try (WholeLineFile out = WholeLineFile.open(file)) {
            out.append(bytes.toByteArray());
            out.force();
            size = out.size();
        } catch (IOException e) {
            throw failed("cannot append to outbox " + file + ": " + e.getMessage(), e);
        }
        pending += lines.size();
    }

    /** Up to {@code max} lines from the head of the queue, oldest first. */
    public synchronized Chunk peek(int max) {
        List<String> lines = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(acked);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long read = acked;
            outer:
            while (lines.size() < max && read < size) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    read++;
                    if (b == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                        ends.add(read);
                        if (lines.size() >= max) {
                            break outer;
                        }
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException e) {
            throw failed("cannot read outbox " + file + ": " + e.getMessage(), e);
        }
        return new Chunk(lines, ends);
    }

    /** Marks the lines of a chunk from {@link #peek} as delivered. */
    public synchronized void ack(Chunk chunk) {
        ack(chunk, chunk.lines().size());
    }

    /** Marks the first {@code count} lines of a chunk from {@link #peek} as delivered. */
    public synchronized void ack(Chunk chunk, int count) {
        if (count <= 0) {
            return;
        }
        long end = chunk.ends().get(count - 1);
        if (end <= acked) {
            throw new IllegalStateException("chunk already acknowledged");
        }
        acked = end;
        pending -= count;
        try {
            if (acked == size) {
                // Everything delivered: start over with an empty file. The file goes first: a crash
                // before the offset is removed leaves an offset past the end, read as "all delivered".
                try (WholeLineFile out = WholeLineFile.open(file)) {
                    out.clear();
                }
                writeAck(0);
                acked = 0;
                size = 0;
            } else {
                writeAck(acked);
            }
        } catch (IOException e) {
            throw failed("cannot record delivery in " + ackFile + ": " + e.getMessage(), e);
        }
    }

    /** An outbox that cannot be used: SL704, naming the file; what it holds stays for an operator to read. */
    static ScorelineException failed(String message, Exception cause) {
        return new ScorelineException(ErrorCode.OUTBOX_FAILED, message,
                "check that the outbox folder can be written; the file is plain JSON lines, one update each", cause);
    }

    private void writeAck(long offset) throws IOException {
        if (offset == 0) {
            // An empty queue needs no offset; the file exists only while it says something.
            Files.deleteIfExists(ackFile);
            return;
        }
        Path tmp = ackFile.resolveSibling(ackFile.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(Long.toString(offset).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        try {
            Files.move(tmp, ackFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, ackFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private long countLines(long from) throws IOException {
        long count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    if (buffer.get() == '\n') {
                        count++;
                    }
                }
                buffer.clear();
            }
        }
        return count;
    }
}
