package dev.scoreline.plugins.console;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;

import java.util.Map;

/** The {@code console} sink for config files: a line per update on standard output. */
public final class ConsoleSinkPlugin implements ScorelinePlugin {

    @Override public String name() { return "console"; }

    @Override public Kind kind() { return Kind.SINK; }

    @Override public String description() {
        return "prints one line per score update on standard output";
    }

    @Override public Map<String, String> settings() {
        return Map.of("changes-only", "print only updates whose value or status moved (default false)");
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        boolean changesOnly = s.bool("changes-only", false);
        s.rejectUnknown();
        return new ConsoleSinkModule(changesOnly);
    }
}
