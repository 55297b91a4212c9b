package dev.scoreline.plugins.jdbc;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.plugins.internal.PluginSupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code jdbc} sink for config files: upserts score properties into {@code scoreline_scores}. */
public final class JdbcSinkPlugin implements ScorelinePlugin {

    @Override public String name() { return "jdbc"; }

    @Override public Kind kind() { return Kind.SINK; }

    @Override public String description() {
        return "upserts score properties (value, status, engagement, fit, groups) into the scoreline_scores table";
    }

    @Override public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>(PluginSupport.JDBC_SETTINGS);
        out.put("create-table", "create scoreline_scores when missing (default true)");
        out.putAll(PluginSupport.RELIABLE_SETTINGS);
        return out;
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        var dataSource = PluginSupport.dataSource(s);
        var sink = PluginSupport.reliableIfAsked(s, new JdbcSink(dataSource, s.bool("create-table", true)));
        s.rejectUnknown();
        return PluginSupport.sinkModule(name(), sink);
    }
}
