package dev.scoreline.api;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;

import java.util.Map;
import java.util.Objects;

/**
 * Adds adapters and sinks to a Guice injector under their names. A host reads them back by
 * injecting {@code Map<String, CrmAdapter>} and {@code Map<String, ScoreSink>} (see
 * {@link #ADAPTERS} and {@link #SINKS}).
 *
 * <pre>{@code
 * protected void configure() {
 *     ScorelineBinder.of(binder())
 *         .addAdapter(new JsonlAdapter(dir))
 *         .addSink("scores", JsonlSink.class);
 * }
 * }</pre>
 *
 * Two plugins of the same kind under one name are a configuration error that Guice reports when
 * the injector is created.
 */
public final class ScorelineBinder {

    /** Every adapter bound through this helper, by name. */
    public static final Key<Map<String, CrmAdapter>> ADAPTERS = Key.get(new TypeLiteral<>() { });

    /** Every sink bound through this helper, by name. */
    public static final Key<Map<String, ScoreSink>> SINKS = Key.get(new TypeLiteral<>() { });

    private final Binder binder;
    private final MapBinder<String, CrmAdapter> adapters;
    private final MapBinder<String, ScoreSink> sinks;

    private ScorelineBinder(Binder binder) {
        this.binder = binder.skipSources(ScorelineBinder.class);
        this.adapters = MapBinder.newMapBinder(this.binder, String.class, CrmAdapter.class);
        this.sinks = MapBinder.newMapBinder(this.binder, String.class, ScoreSink.class);
    }

    public static ScorelineBinder of(Binder binder) {
        return new ScorelineBinder(Objects.requireNonNull(binder, "binder"));
    }

    /** Binds the adapter under a name; finish with {@code .to(...)}, {@code .toInstance(...)} or {@code .toProvider(...)}. */
    public LinkedBindingBuilder<CrmAdapter> addAdapter(String name) {
        return adapters.addBinding(checkName(name));
    }

    /** Binds an adapter instance under its own {@link CrmAdapter#name()}. */
    public ScorelineBinder addAdapter(CrmAdapter adapter) {
        return addAdapter(adapter.name(), adapter);
    }

    public ScorelineBinder addAdapter(String name, CrmAdapter adapter) {
        addAdapter(name).toInstance(Objects.requireNonNull(adapter, "adapter"));
        return this;
    }

    /** Binds an adapter class (constructed by Guice, once per injector) under a name. */
    public ScorelineBinder addAdapter(String name, Class<? extends CrmAdapter> type) {
        addAdapter(name).to(type).in(com.google.inject.Singleton.class);
        return this;
    }

    /** Binds the sink under a name; finish with {@code .to(...)}, {@code .toInstance(...)} or {@code .toProvider(...)}. */
    public LinkedBindingBuilder<ScoreSink> addSink(String name) {
        return sinks.addBinding(checkName(name));
    }

    /** Binds a sink instance under its own {@link ScoreSink#name()}. */
    public ScorelineBinder addSink(ScoreSink sink) {
        return addSink(sink.name(), sink);
    }

    public ScorelineBinder addSink(String name, ScoreSink sink) {
        addSink(name).toInstance(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /** Binds a sink class (constructed by Guice, once per injector) under a name. */
    public ScorelineBinder addSink(String name, Class<? extends ScoreSink> type) {
        addSink(name).to(type).in(com.google.inject.Singleton.class);
        return this;
    }

    /** The underlying Guice binder, for anything else a plugin needs to bind. */
    public Binder binder() {
        return binder;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a plugin name must not be blank");
        }
        return name;
    }
}
