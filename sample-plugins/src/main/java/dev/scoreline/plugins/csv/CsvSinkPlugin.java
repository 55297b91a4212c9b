package dev.scoreline.plugins.csv;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.plugins.internal.PluginSupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code csv} sink for config files: one CSV row per update appended to {@code file}. */
public final class CsvSinkPlugin implements ScorelinePlugin {

    @Override public String name() { return "csv"; }

    @Override public Kind kind() { return Kind.SINK; }

    @Override public String description() {
        return "appends one CSV row per score update to a file";
    }

    @Override public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("file", "the file to append to (required); a header row is written when it is new");
        out.putAll(PluginSupport.RELIABLE_SETTINGS);
        return out;
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        var sink = PluginSupport.reliableIfAsked(s, new CsvSink(s.requiredPath("file")));
        s.rejectUnknown();
        return PluginSupport.sinkModule(name(), sink);
    }
}
