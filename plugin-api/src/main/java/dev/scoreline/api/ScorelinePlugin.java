package dev.scoreline.api;

import com.google.inject.Module;

import java.util.Map;

/**
 * A plugin that a config file can choose by name, found through {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/dev.scoreline.api.ScorelinePlugin}). Discovery is
 * opt-in: a host calls {@link ScorelinePlugins#discover()}; hosts that install modules themselves
 * never need it.
 *
 * <pre>{@code
 * public final class JsonlAdapterPlugin implements ScorelinePlugin {
 *     public String name() { return "jsonl"; }
 *     public Kind kind() { return Kind.ADAPTER; }
 *     public Module module(Map<String, Object> settings) {
 *         PluginSettings s = PluginSettings.of(this, settings);
 *         Path dir = s.requiredPath("dir");
 *         s.rejectUnknown();
 *         return new JsonlAdapterModule(dir);
 *     }
 * }
 * }</pre>
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
}
