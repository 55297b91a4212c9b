package dev.scoreline.flink;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.runtime.Plugins;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run config's adapter entry, opened in each reading task by its plugin with its settings, as
 * {@code scoreline run} wires it (by name, through Guice): the jdbc adapter's tables, or a host's
 * own adapter plugin on the job's class path. Wired once when made, so a bad setting fails on the
 * client with the SL504 {@code scoreline run} gives. Settings the plugin reads from the
 * environment ({@code password-env}) are read in each task, so every task manager needs them.
 */
final class PluginAdapter implements CrmSource {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final HashMap<String, Object> settings;

    PluginAdapter(String name, Map<String, Object> settings) {
        this.name = name;
        this.settings = new HashMap<>(settings);
        open().close();
    }

    @Override
    public CrmAdapter open() {
        ScorelinePlugins plugins = ScorelinePlugins.discover(PluginAdapter.class.getClassLoader());
        return Plugins.adapter(Plugins.injector(List.of(Plugins.module(plugins, ScorelinePlugin.Kind.ADAPTER, name, settings))),
                name, "adapter:");
    }

    @Override
    public String label() {
        return "adapter " + name;
    }
}
