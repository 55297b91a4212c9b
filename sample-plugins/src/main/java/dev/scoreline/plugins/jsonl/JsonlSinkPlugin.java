package dev.scoreline.plugins.jsonl;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.plugins.internal.PluginSupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code jsonl} sink for config files: one JSON line per update appended to {@code file}. */
public final class JsonlSinkPlugin implements ScorelinePlugin {

    @Override public String name() { return "jsonl"; }

    @Override public Kind kind() { return Kind.SINK; }

    @Override public String description() {
        return "appends one JSON line per score update to a file";
    }

    @Override public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("file", "the file to append to (required)");
        out.putAll(PluginSupport.RELIABLE_SETTINGS);
        return out;
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        var sink = PluginSupport.reliableIfAsked(s, new JsonlSink(s.requiredPath("file")));
        s.rejectUnknown();
        return PluginSupport.sinkModule(name(), sink);
    }
}
