package dev.scoreline.dsl.model;

/**
 * Where a piece of a definition was written: file, 1-based line and column.
 *
 * <p>Positions are not part of a definition's identity: two definitions that say the same thing
 * are equal wherever they were written, so formatting a file and parsing it again gives an equal
 * model, and the engine's rule-base cache is keyed by what a score says, not where.
 */
public final class SourcePosition {

    public static final SourcePosition UNKNOWN = new SourcePosition("<unknown>", 0, 0);

    private final String source;
    private final int line;
    private final int column;

    public SourcePosition(String source, int line, int column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePosition;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
