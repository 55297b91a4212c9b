package dev.scoreline.dsl;

import dev.scoreline.dsl.model.SourcePosition;

/**
 * A problem found in a {@code .score} file: a stable code (see docs/diagnostics.md), the position
 * of the token at fault, a message, and a fix when one exists.
 *
 * <p>{@link #format()} gives the line printed by {@code scoreline check}:
 * {@code file:line:col: error: message; fix}.
 */
public record Diagnostic(Severity severity, String code, SourcePosition position, String message, String fix) {

    public enum Severity {
        ERROR, WARNING;

        public String word() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String format() {
        String text = fix == null || fix.isEmpty() ? message : message + "; " + fix;
        return position.source() + ":" + position.line() + ":" + position.column() + ": "
                + severity.word() + ": " + text + " [" + code + "]";
    }
}
