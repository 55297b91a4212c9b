package dev.scoreline.api;

import com.google.inject.AbstractModule;

import java.util.Objects;

/**
 * A Guice module for a plugin. Most plugins need none of their own: one line installs an adapter
 * or a sink instance,
 *
 * <pre>{@code
 * Scoreline.builder()
 *         .install(ScorelineModule.adapter(new JsonlAdapter(dir)))          // bound as "jsonl"
 *         .install(ScorelineModule.sink("scores", new JsonlSink(file)))     // bound as "scores"
 * }</pre>
 *
 * and a plugin whose parts Guice should construct extends this class and implements
 * {@link #configurePlugins(ScorelineBinder)} instead of {@code configure()}:
 *
 * <pre>{@code
 * public final class MyAdapterModule extends ScorelineModule {
 *     protected void configurePlugins(ScorelineBinder scoreline) {
 *         scoreline.addAdapter("my-crm").toProvider(MyAdapterProvider.class);
 *     }
 * }
 * }</pre>
 */
public abstract class ScorelineModule extends AbstractModule {

    @Override
    protected final void configure() {
        configurePlugins(ScorelineBinder.of(binder()));
    }

    protected abstract void configurePlugins(ScorelineBinder scoreline);

    /** Binds an adapter instance under its own {@link CrmAdapter#name()}. */
    public static ScorelineModule adapter(CrmAdapter adapter) {
        return adapter(adapter.name(), adapter);
    }

    /** Binds an adapter instance under a name of the host's choosing. */
    public static ScorelineModule adapter(String name, CrmAdapter adapter) {
        Objects.requireNonNull(adapter, "adapter");
        return of(scoreline -> scoreline.addAdapter(name, adapter));
    }

    /** Binds a sink instance under its own {@link ScoreSink#name()}. */
    public static ScorelineModule sink(ScoreSink sink) {
        return sink(sink.name(), sink);
    }

    /** Binds a sink instance under a name of the host's choosing: two sinks of one kind need two names. */
    public static ScorelineModule sink(String name, ScoreSink sink) {
        Objects.requireNonNull(sink, "sink");
        return of(scoreline -> scoreline.addSink(name, sink));
    }

    private static ScorelineModule of(java.util.function.Consumer<ScorelineBinder> bindings) {
        return new ScorelineModule() {
            @Override
            protected void configurePlugins(ScorelineBinder scoreline) {
                bindings.accept(scoreline);
            }
        };
    }
}
