package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.DataProblems;
import java.util.HashSet;
import java.util.Set;

/** Where a line came from, for warnings, and which unknown fields of its file were already reported. */
final class LineContext {
    final String source;
    final Set<String> reportedUnknown = new HashSet<>();
    private final DataProblems problems;
    long line;

    LineContext(String source, DataProblems problems) {
        this.source = source;
        this.problems = problems;
    }

    void warn(String message) {
        problems.warning(source, line, message);
    }
}
