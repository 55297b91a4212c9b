package dev.scoreline.api;

import com.google.inject.Module;

import java.util.Map;
import java.util.function.Function;

/**
 * A plugin that a config file can choose by name: its name and kind, a line for listings, the
 * settings it understands, and how it turns settings into a module. Most plugins are one line,
 * made with {@link #adapter adapter(...)} or {@link #sink sink(...)}:
 *
 * <pre>{@code
 * ScorelinePlugin.sink("jsonl", "appends one JSON line per score update to a file",
 *         Map.of("file", "the file to append to (required)"),
 *         settings -> new JsonlSink(settings.requiredPath("file")));
 * }</pre>
 *
 * A jar offers its plugins to config files through a {@link ScorelinePluginProvider} listed in
 * {@code META-INF/services/dev.scoreline.api.ScorelinePluginProvider}. Discovery is opt-in: a
 * host calls {@link ScorelinePlugins#discover()}; hosts that install modules themselves never
 * need any of this.
 */
public interface ScorelinePlugin {

    enum Kind {
        ADAPTER, SINK;

        /** {@code adapter} or {@code sink}, as a config file writes it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The name a config file uses, unique per kind, e.g. {@code jsonl}. */
    String name();

    Kind kind();

    /** One line for listings and error messages. */
    default String description() {
        return "";
    }

    /** The settings this plugin understands: key to a short description, for help and error messages. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * A module that binds this plugin (through {@link ScorelineBinder}) under its {@link #name()},
     * configured from a config file's settings.
     *
     * @throws PluginSettingsException when a setting is missing, unknown or of the wrong kind; the
     *         message names the plugin, the key and what is allowed
     */
    Module module(Map<String, Object> settings);

    /**
     * A module that binds one instance of this plugin under {@code id}, for a config that lists the
     * plugin more than once (two webhooks, two jsonl files); the id names its outbox and its errors.
     * Plugins made with {@link #adapter adapter(...)} or {@link #sink sink(...)} support any id; a
     * plugin with a module of its own supports only its {@link #name()} unless it overrides this.
     *
     * @throws PluginSettingsException as {@link #module(Map)}, and when the plugin cannot take that id
     */
    default Module module(String id, Map<String, Object> settings) {
        if (id.equals(name())) {
            return module(settings);
        }
        throw new PluginSettingsException(kind().label() + " \"" + id + "\" (" + name() + ")", "id",
                "cannot be used: plugin " + name() + " binds itself under its own name; list it once, without an id");
    }

    /**
     * An adapter plugin: {@code make} reads the settings it needs from a {@link PluginSettings}
     * (whose errors name the plugin and the key); a setting it does not read is refused as unknown.
     */
    static ScorelinePlugin adapter(String name, String description, Map<String, String> settings,
                                   Function<PluginSettings, ? extends CrmAdapter> make) {
        return new SimplePlugin(name, Kind.ADAPTER, description, settings,
                s -> ScorelineModule.adapter(s.id(), make.apply(s)));
    }

    /**
     * A sink plugin, as {@link #adapter}; the sink is bound under its id ({@link PluginSettings#id()},
     * the plugin's name unless the config gives the entry an {@code id}).
     */
    static ScorelinePlugin sink(String name, String description, Map<String, String> settings,
                                Function<PluginSettings, ? extends ScoreSink> make) {
        return new SimplePlugin(name, Kind.SINK, description, settings, s -> ScorelineModule.sink(s.id(), make.apply(s)));
    }
}
