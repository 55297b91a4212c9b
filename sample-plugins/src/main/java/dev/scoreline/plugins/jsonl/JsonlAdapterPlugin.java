package dev.scoreline.plugins.jsonl;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;

import java.util.Map;

/** The {@code jsonl} adapter for config files: {@code dir} is the data folder. */
public final class JsonlAdapterPlugin implements ScorelinePlugin {

    @Override public String name() { return "jsonl"; }

    @Override public Kind kind() { return Kind.ADAPTER; }

    @Override public String description() {
        return "a folder of records.jsonl, events.jsonl and associations.jsonl";
    }

    @Override public Map<String, String> settings() {
        return Map.of("dir", "the data folder (required)");
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        var dir = s.requiredPath("dir");
        s.rejectUnknown();
        return new JsonlAdapterModule(dir);
    }
}
