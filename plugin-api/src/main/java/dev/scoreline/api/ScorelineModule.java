package dev.scoreline.api;

import com.google.inject.AbstractModule;

/**
 * A Guice module for a plugin: implement {@link #configurePlugins(ScorelineBinder)} instead of
 * {@code configure()}.
 *
 * <pre>{@code
 * public final class MyAdapterModule extends ScorelineModule {
 *     protected void configurePlugins(ScorelineBinder scoreline) {
 *         scoreline.addAdapter(new MyAdapter());
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
}
