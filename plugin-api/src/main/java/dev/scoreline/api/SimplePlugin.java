package dev.scoreline.api;

import com.google.inject.Module;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What {@link ScorelinePlugin#adapter} and {@link ScorelinePlugin#sink} make; not API. */
record SimplePlugin(String name, Kind kind, String description, Map<String, String> settings,
                    Function<PluginSettings, Module> make) implements ScorelinePlugin {

    SimplePlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        settings = Map.copyOf(settings);
        Objects.requireNonNull(make, "make");
    }

    @Override
    public Module module(Map<String, Object> values) {
        return module(name, values);
    }

    @Override
    public Module module(String id, Map<String, Object> values) {
        PluginSettings s = PluginSettings.of(this, id, values);
        Module module = make.apply(s);
        s.rejectUnknown();
        return module;
    }
}
