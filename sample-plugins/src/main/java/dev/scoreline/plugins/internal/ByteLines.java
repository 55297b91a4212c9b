package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an input stream line by line as raw bytes, so a line that is not valid UTF-8 becomes one
 * bad line instead of an exception that ends the whole file. Lines end at LF; a CR before it is
 * dropped; a UTF-8 byte order mark at the very start is skipped.
 */
public final class ByteLines {

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[256];
    private int lineLen;
    private long lineNumber;
    private boolean eof;
    private boolean terminated;

    public ByteLines(InputStream in) {
        this(in, 0);
    }

    /**
     * Reads {@code in} as the part of a file after its first {@code linesBefore} lines (a change
     * feed reading what was appended): line numbers go on from there, and no byte order mark is looked for.
     */
    public ByteLines(InputStream in, long linesBefore) {
        this.in = in;
        this.lineNumber = linesBefore;
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        if (eof) {
            return false;
        }
        lineLen = 0;
        terminated = false;
        boolean sawAny = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    if (!sawAny) {
                        return false;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            append(start, end - start);
            if (end < chunkLen) {
                chunkPos = end + 1;
                terminated = true;
                break;
            }
            chunkPos = chunkLen;
        }
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        lineNumber++;
        if (lineNumber == 1 && lineLen >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF) {
            System.arraycopy(line, 3, line, 0, lineLen - 3);
            lineLen -= 3;
        }
        return true;
    }

    private void append(int from, int len) {
        if (lineLen + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
        }
        System.arraycopy(chunk, from, line, lineLen, len);
        lineLen += len;
    }

    public byte[] bytes() {
        return line;
    }

    public int length() {
        return lineLen;
    }

    /**
     * Whether the current line ended with a line feed. Only the last line of the input can end
     * without one: it may still be being written.
     */
    public boolean terminated() {
        return terminated;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    public boolean isBlank() {
        for (int i = 0; i < lineLen; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
