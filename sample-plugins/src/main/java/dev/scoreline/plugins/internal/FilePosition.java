package dev.scoreline.plugins.internal;

import dev.scoreline.api.ChangeFeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the change feed of a file adapter (jsonl, csv) left one file: the byte offset read through
 * (the end of its last complete line, or row), the lines before it (so bad lines keep their
 * numbers), the file's modification time then, and a fingerprint of the bytes already read (SHA-256
 * of the first and last {@value #SAMPLE} bytes before the offset; all of them for a smaller file).
 *
 * <p>The next poll reads only what was appended after the offset, after checking that the file was
 * not rewritten: a file that is now shorter, whose fingerprint changed, that has the same length
 * and a new modification time, or that was removed, was replaced (a fresh CRM export), and the feed
 * throws {@link ChangeFeed.SourceRewritten} so the run scores everything and says why. What the
 * check reads is bounded (two samples), so a poll costs what is new, not the whole file.
 */
public record FilePosition(long offset, long lines, long modified, String fingerprint) {

    /** The bytes at each end of what was read that the fingerprint covers. */
    static final int SAMPLE = 64 * 1024;

    /** A file not read yet (or absent): read it from its start. */
    public static final FilePosition START = new FilePosition(0, 0, 0, "");

    /** One file's part of a watermark: {@code OFFSET/LINES/MODIFIED/FINGERPRINT}. */
    public String text() {
        return offset + "/" + lines + "/" + modified + "/" + fingerprint;
    }

    /** The positions of a watermark written by {@link #watermark}, by file name; a malformed one is refused. */
    public static Map<String, FilePosition> parse(String adapter, String watermark) {
        Map<String, FilePosition> out = new LinkedHashMap<>();
        if (watermark == null || watermark.isBlank()) {
            return out;
        }
        for (String part : watermark.split(";")) {
            int eq = part.lastIndexOf('=');
            String[] fields = eq < 0 ? new String[0] : part.substring(eq + 1).split("/", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("not a " + adapter + " watermark (FILE=OFFSET/LINES/MODIFIED/HASH;…): \""
                        + watermark + "\"");
            }
            try {
                out.put(part.substring(0, eq), new FilePosition(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]), fields[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a " + adapter + " watermark: \"" + watermark + "\"", e);
            }
        }
        return out;
    }

    /** The watermark of these positions, by file name (files never read are left out). */
    public static String watermark(Map<String, FilePosition> positions) {
        StringBuilder sb = new StringBuilder();
        positions.forEach((name, p) -> {
            if (p.offset > 0) {
                sb.append(sb.length() == 0 ? "" : ";").append(name).append('=').append(p.text());
            }
        });
        return sb.toString();
    }

    /**
     * Where the file ends now for a feed: after its last complete line ({@code rows}: its last
     * complete CSV row, whose quotes are closed), as {@link #next} would reach from its start.
     */
    public static FilePosition end(Path file, boolean rows) throws IOException {
        return START.next(file, rows);
    }

    /**
     * The position after what was appended since this one (itself when nothing complete was), or
     * {@link ChangeFeed.SourceRewritten} when the file was rewritten rather than appended to. Reads
     * the two fingerprint samples and the appended bytes only.
     */
    public FilePosition next(Path file, boolean rows) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            if (offset > 0) {
                throw rewritten(name, "it was removed");
            }
            return this;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long mtime = Files.getLastModifiedTime(file).toMillis();
            if (size < offset) {
                throw rewritten(name, "it has " + size + " bytes, fewer than the " + offset + " the last run read");
            }
            if (offset > 0 && !fingerprint(ch, offset).equals(fingerprint)) {
                throw rewritten(name, (size == offset ? "same length, " : "") + "the bytes the last run read differ");
            }
            if (size == offset) {
                if (mtime != modified && offset > 2L * SAMPLE) {
                    // The fingerprint does not cover the middle of a large file: a same-length rewrite could hide there.
                    throw rewritten(name, "same length, modified since the last run");
                }
                return new FilePosition(offset, lines, mtime, fingerprint);
            }
            long[] end = completeEnd(ch, rows);
            return end[0] == offset ? new FilePosition(offset, lines, mtime, fingerprint)
                    : new FilePosition(end[0], end[1], mtime, fingerprint(ch, end[0]));
        } catch (NoSuchFileException e) {
            return next(file, rows);
        }
    }

    /** The bytes from this offset to {@code to}, for the adapter to parse. */
    public static InputStream bytes(Path file, long from, long to) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        return new InputStream() {
            long left = to - from;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * The offset after the last line feed past this offset (for {@code rows}: one outside quotes,
     * so a row whose quoted cell holds line breaks is never cut), and the line count there.
     */
    private long[] completeEnd(FileChannel ch, boolean rows) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = offset;
        long count = lines;
        long end = offset;
        long endLines = lines;
        boolean quoted = false;
        ch.position(offset);
        int n;
        while ((n = ch.read(buf)) > 0) {
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b == '"' && rows) {
                    quoted = !quoted;
                } else if (b == '\n') {
                    count++;
                    if (!quoted) {
                        end = pos + i + 1;
                        endLines = count;
                    }
                }
            }
            pos += n;
            buf.clear();
        }
        return new long[] {end, endLines};
    }

    /** SHA-256 (16 hex digits) of the first and the last {@link #SAMPLE} bytes before {@code upTo}. */
    private static String fingerprint(FileChannel ch, long upTo) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        long head = Math.min(SAMPLE, upTo);
        digest(ch, sha, 0, head);
        long tail = Math.max(head, upTo - SAMPLE);
        digest(ch, sha, tail, upTo);
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void digest(FileChannel ch, MessageDigest sha, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.max(0, to - from));
        long pos = from;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        buf.flip();
        sha.update(buf);
    }

    private static ChangeFeed.SourceRewritten rewritten(String name, String why) {
        return new ChangeFeed.SourceRewritten(name + " was rewritten (" + why + ")");
    }
}
