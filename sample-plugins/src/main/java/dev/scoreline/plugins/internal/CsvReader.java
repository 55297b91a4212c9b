package dev.scoreline.plugins.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated cells, a cell in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); rows end at CRLF or LF. A malformed row (text after
 * a closing quote, a quote never closed) comes back with an error instead of ending the file, so
 * the caller can report it and go on.
 */
public final class CsvReader implements AutoCloseable {

    /** One row: its cells, the line it starts on (1-based), and why it is unusable, if it is. */
    public record Row(List<String> cells, long line, String error) {
        /** A row that is one empty cell: a blank line. */
        public boolean isBlank() {
            return error == null && cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private boolean eof;
    private boolean first = true;

    public CsvReader(Reader in) {
        this(in, 0);
    }

    /**
     * Reads {@code in} as the part of a file after its first {@code linesBefore} lines (a change
     * feed reading appended rows): line numbers go on from there, and no byte order mark is looked for.
     */
    public CsvReader(Reader in, long linesBefore) {
        this.in = in;
        this.line = linesBefore + 1;
        this.first = linesBefore == 0;
    }

    /** The next row, or {@code null} at the end of the input. */
    public Row next() throws IOException {
        if (first) {
            first = false;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        if (peek() == -1) {
            return null;
        }
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String error = null;
        while (true) {
            int c = read();
            if (c == -1 || c == '\n') {
                cells.add(cell.toString());
                return new Row(cells, start, error);
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    continue;
                }
                cells.add(cell.toString());
                return new Row(cells, start, error);
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                continue;
            }
            if (c == '"' && cell.length() == 0) {
                // A quoted cell: read to the closing quote, through commas and line breaks.
                while (true) {
                    int q = read();
                    if (q == -1) {
                        cells.add(cell.toString());
                        return new Row(cells, start, "a quoted cell opened on line " + start + " is never closed");
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            read();
                            cell.append('"');
                            continue;
                        }
                        break;
                    }
                    cell.append((char) q);
                }
                int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after != -1 && error == null) {
                    error = "text after the closing quote of cell " + (cells.size() + 1)
                            + " (a quote inside a quoted cell is written \"\")";
                }
                continue;
            }
            cell.append((char) c);
        }
    }

    private int peek() throws IOException {
        if (pos == len) {
            fill();
        }
        return eof ? -1 : buffer[pos];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != -1) {
            pos++;
            if (c == '\n') {
                line++;
            } else if (c == '\r' && peek() != '\n') {
                line++;
            }
        }
        return c;
    }

    private void fill() throws IOException {
        if (eof) {
            return;
        }
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            len = 0;
            pos = 0;
        } else {
            len = n;
            pos = 0;
        }
    }

    /** The line the reader is on, for errors that end the file (such as undecodable bytes). */
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
