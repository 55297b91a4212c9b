package dev.scoreline.plugins.internal;

import dev.scoreline.api.DataProblems;

/**
 * Used when a host reads an adapter without calling {@code open}: problems still show up on
 * stderr rather than vanish.
 */
public final class StderrProblems implements DataProblems {

    public static final DataProblems INSTANCE = new StderrProblems();

    private StderrProblems() { }

    @Override
    public void badLine(String source, long line, String reason) {
        System.err.println(source + ":" + line + ": bad line skipped: " + reason);
    }

    @Override
    public void warning(String source, long line, String message) {
        System.err.println(source + ":" + line + ": warning: " + message);
    }
}
