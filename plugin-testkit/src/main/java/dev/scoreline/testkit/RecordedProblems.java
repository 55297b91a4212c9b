package dev.scoreline.testkit;

import dev.scoreline.api.DataProblems;

import java.util.ArrayList;
import java.util.List;

/** A {@link DataProblems} that keeps every report, for tests and for hosts that summarise at the end. */
public final class RecordedProblems implements DataProblems {

    public enum Kind { BAD_LINE, WARNING }

    /** One report: what, where ({@code source:line}) and why. */
    public record Problem(Kind kind, String source, long line, String message) {
        @Override
        public String toString() {
            return source + ":" + line + ": " + (kind == Kind.BAD_LINE ? "bad line: " : "warning: ") + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    @Override
    public synchronized void badLine(String source, long line, String reason) {
        problems.add(new Problem(Kind.BAD_LINE, source, line, reason));
    }

    @Override
    public synchronized void warning(String source, long line, String message) {
        problems.add(new Problem(Kind.WARNING, source, line, message));
    }

    public synchronized List<Problem> all() {
        return List.copyOf(problems);
    }

    public List<Problem> badLines() {
        return all().stream().filter(p -> p.kind() == Kind.BAD_LINE).toList();
    }

    public List<Problem> warnings() {
        return all().stream().filter(p -> p.kind() == Kind.WARNING).toList();
    }

    /** {@code source:line} of every bad line, in report order; handy in assertions. */
    public List<String> badLineLocations() {
        return badLines().stream().map(p -> p.source() + ":" + p.line()).toList();
    }
}
