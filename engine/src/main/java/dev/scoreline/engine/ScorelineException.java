package dev.scoreline.engine;

import dev.scoreline.dsl.Diagnostic;
import java.util.List;

/** A host asked for something that cannot run: rules with errors, a missing adapter, a bad setting. */
public class ScorelineException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public ScorelineException(String message) {
        this(message, List.of());
    }

    public ScorelineException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The rule diagnostics behind the failure, when it is about rules. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
