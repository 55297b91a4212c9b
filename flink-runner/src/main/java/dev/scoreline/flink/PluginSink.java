package dev.scoreline.flink;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.runtime.Plugins;
import dev.scoreline.runtime.RunConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink entry of a run config, opened in each writing task by its plugin with its settings, as
 * {@code scoreline run} wires it (by name, through Guice). A sink that writes a file
 * ({@code file:}) has one writing task, so the config's file is the file the job writes.
 */
final class PluginSink implements SinkTarget {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String id;
    private final HashMap<String, Object> settings;

    /** The entry's sink without the runtime's delivery settings; wired once here so a bad setting fails on the client. */
    PluginSink(RunConfig.Plugin entry, Map<String, Object> pluginSettings) {
        this.name = entry.name();
        this.id = entry.id();
        this.settings = new HashMap<>(pluginSettings);
        open(0);
    }

    @Override
    public ScoreSink open(int task) {
        ScorelinePlugins plugins = ScorelinePlugins.discover(PluginSink.class.getClassLoader());
        return Plugins.injector(List.of(Plugins.module(plugins, ScorelinePlugin.Kind.SINK, name, id, settings)))
                .getInstance(ScorelineBinder.SINKS).get(id);
    }

    @Override
    public boolean singleWriter() {
        return settings.containsKey("file");
    }

    @Override
    public String label() {
        return "sink " + id + (singleWriter() ? " (" + settings.get("file") + ")" : "");
    }
}
