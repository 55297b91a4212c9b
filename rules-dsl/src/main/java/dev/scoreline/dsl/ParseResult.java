package dev.scoreline.dsl;

import dev.scoreline.dsl.model.ScoreDefinition;
import java.util.List;

/**
 * What parsing and validating one or more files gave: the definitions that are valid and every
 * diagnostic, sorted by file, line and column. A file with errors contributes no definition that
 * its errors touch.
 */
public record ParseResult(List<ScoreDefinition> definitions, List<Diagnostic> diagnostics) {

    public ParseResult {
        definitions = List.copyOf(definitions);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
