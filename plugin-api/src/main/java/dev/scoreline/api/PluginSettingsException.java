package dev.scoreline.api;

/** A plugin setting that is missing, unknown or unusable; the message says which and what is allowed. */
public class PluginSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String key;

    public PluginSettingsException(String plugin, String key, String message) {
        super(plugin + ": " + (key == null ? "" : "setting \"" + key + "\" ") + message);
        this.plugin = plugin;
        this.key = key;
    }

    /** Which plugin, e.g. {@code sink "webhook"}. */
    public String plugin() {
        return plugin;
    }

    /** The setting at fault, or {@code null} when the problem is not one setting. */
    public String key() {
        return key;
    }
}
