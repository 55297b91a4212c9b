package dev.scoreline.plugins.csv;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;

import java.util.Map;

/** The {@code csv} adapter for config files: {@code dir} is the folder of CSV exports. */
public final class CsvAdapterPlugin implements ScorelinePlugin {

    @Override public String name() { return "csv"; }

    @Override public Kind kind() { return Kind.ADAPTER; }

    @Override public String description() {
        return "a folder of CRM CSV exports: <type>.csv, events.csv, associations.csv, lists.csv";
    }

    @Override public Map<String, String> settings() {
        return Map.of("dir", "the folder of CSV files (required)");
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        var dir = s.requiredPath("dir");
        s.rejectUnknown();
        return new CsvAdapterModule(dir);
    }
}
