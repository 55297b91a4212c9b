package dev.scoreline.dsl;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.util.List;

/** Rules given to a host have errors: each one is a {@link Diagnostic} with its position and fix. */
public final class RuleErrorsException extends ScorelineException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public RuleErrorsException(List<Diagnostic> diagnostics) {
        super(ErrorCode.RULE_ERRORS, "the rules have " + count(diagnostics), "fix the rules above; `scoreline check` lists every problem");
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String count(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return errors + (errors == 1 ? " error" : " errors");
    }

    /** Every diagnostic, errors and warnings, in file order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
