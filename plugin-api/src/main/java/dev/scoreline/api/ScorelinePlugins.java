package dev.scoreline.api;

import com.google.inject.Module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The plugins a host can choose by name. Built explicitly from plugin instances, or discovered on
 * the class path with {@link #discover()} (opt-in: nothing is loaded unless a host asks).
 *
 * <pre>{@code
 * ScorelinePlugins plugins = ScorelinePlugins.discover();
 * Module adapter = plugins.module(Kind.ADAPTER, "csv", Map.of("dir", "export/"));
 * }</pre>
 */
public final class ScorelinePlugins {

    private final Map<ScorelinePlugin.Kind, Map<String, ScorelinePlugin>> byKind = new LinkedHashMap<>();

    private ScorelinePlugins(Collection<? extends ScorelinePlugin> plugins) {
        for (ScorelinePlugin.Kind kind : ScorelinePlugin.Kind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        for (ScorelinePlugin plugin : plugins) {
            Objects.requireNonNull(plugin.kind(), () -> plugin.getClass().getName() + " has no kind");
            Map<String, ScorelinePlugin> named = byKind.get(plugin.kind());
            ScorelinePlugin before = named.putIfAbsent(plugin.name(), plugin);
            if (before != null && !before.equals(plugin)) {
                throw new IllegalStateException("two " + plugin.kind().label() + " plugins are named \""
                        + plugin.name() + "\": " + describe(before) + " and " + describe(plugin));
            }
        }
    }

    public static ScorelinePlugins of(ScorelinePlugin... plugins) {
        return new ScorelinePlugins(List.of(plugins));
    }

    public static ScorelinePlugins of(Collection<? extends ScorelinePlugin> plugins) {
        return new ScorelinePlugins(plugins);
    }

    /** Every plugin of every {@link ScorelinePluginProvider} listed in {@code META-INF/services} on the thread's class path. */
    public static ScorelinePlugins discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : ScorelinePlugins.class.getClassLoader());
    }

    public static ScorelinePlugins discover(ClassLoader loader) {
        List<ScorelinePlugin> found = new ArrayList<>();
        try {
            for (ScorelinePluginProvider provider : ServiceLoader.load(ScorelinePluginProvider.class, loader)) {
                found.addAll(provider.plugins());
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a Scoreline plugin on the class path cannot be loaded: " + e.getMessage(), e);
        }
        return new ScorelinePlugins(found);
    }

    public Optional<ScorelinePlugin> find(ScorelinePlugin.Kind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** The plugin, or an error that lists the names there are. */
    public ScorelinePlugin get(ScorelinePlugin.Kind kind, String name) {
        return find(kind, name).orElseThrow(() -> new IllegalArgumentException("no " + kind.label()
                + " plugin named \"" + name + "\"; known " + kind.label() + "s: "
                + (names(kind).isEmpty() ? "none" : String.join(", ", names(kind)))));
    }

    /** The module of a named plugin with its settings; see {@link ScorelinePlugin#module}. */
    public Module module(ScorelinePlugin.Kind kind, String name, Map<String, Object> settings) {
        return get(kind, name).module(settings == null ? Map.of() : settings);
    }

    /** The module of one instance of a named plugin, bound under {@code id}; see {@link ScorelinePlugin#module(String, Map)}. */
    public Module module(ScorelinePlugin.Kind kind, String name, String id, Map<String, Object> settings) {
        return get(kind, name).module(Objects.requireNonNull(id, "id"), settings == null ? Map.of() : settings);
    }

    public List<String> names(ScorelinePlugin.Kind kind) {
        return List.copyOf(new TreeSet<>(byKind.get(kind).keySet()));
    }

    private static String describe(ScorelinePlugin plugin) {
        return plugin instanceof SimplePlugin ? "\"" + plugin.description() + "\"" : plugin.getClass().getName();
    }

    public List<ScorelinePlugin> all() {
        List<ScorelinePlugin> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        return Collections.unmodifiableList(all);
    }
}
