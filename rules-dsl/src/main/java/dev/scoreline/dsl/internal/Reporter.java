package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of a set of files and counts each error against the score it is in,
 * so a score with errors yields no definition while the other scores of the file still do.
 */
public final class Reporter {

    private record Entry(int fileIndex, Diagnostic diagnostic) { }

    private final List<Entry> entries = new ArrayList<>();

    void report(ScoreDraft owner, int fileIndex, DiagnosticCode code, SourcePosition at, String message, String fix) {
        entries.add(new Entry(fileIndex, new Diagnostic(code.severity(), code.code(), at, message, fix)));
        if (owner != null && code.severity() == Diagnostic.Severity.ERROR) {
            owner.errors++;
        }
    }

    /** Every diagnostic, by file (in the order given), line and column. */
    public List<Diagnostic> sorted() {
        return entries.stream()
                .sorted(Comparator.comparingInt(Entry::fileIndex)
                        .thenComparingInt(e -> e.diagnostic().position().line())
                        .thenComparingInt(e -> e.diagnostic().position().column()))
                .map(Entry::diagnostic)
                .toList();
    }
}
