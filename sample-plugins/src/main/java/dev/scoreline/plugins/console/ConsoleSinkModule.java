package dev.scoreline.plugins.console;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

/** Installs a {@link ConsoleSink} on standard output under the name {@code console}. */
public final class ConsoleSinkModule extends ScorelineModule {

    private final boolean changesOnly;

    public ConsoleSinkModule() {
        this(false);
    }

    public ConsoleSinkModule(boolean changesOnly) {
        this.changesOnly = changesOnly;
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addSink("console", new ConsoleSink(System.out, changesOnly));
    }
}
