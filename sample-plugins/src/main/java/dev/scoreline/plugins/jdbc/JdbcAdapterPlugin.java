package dev.scoreline.plugins.jdbc;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.plugins.internal.PluginSupport;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code jdbc} adapter for config files: the tables of crm-schema.sql behind a JDBC URL. */
public final class JdbcAdapterPlugin implements ScorelinePlugin {

    @Override public String name() { return "jdbc"; }

    @Override public Kind kind() { return Kind.ADAPTER; }

    @Override public String description() {
        return "CRM data in database tables (scoreline_records, scoreline_events, ...; see docs/plugins.md)";
    }

    @Override public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>(PluginSupport.JDBC_SETTINGS);
        out.put("create-tables", "create the tables when missing (default false)");
        return out;
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        DataSource dataSource = PluginSupport.dataSource(s);
        boolean create = s.bool("create-tables", false);
        s.rejectUnknown();
        if (create) {
            try {
                JdbcSchema.createCrmTables(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("adapter \"jdbc\": cannot create the tables: " + e.getMessage(), e);
            }
        }
        return new JdbcAdapterModule(dataSource);
    }
}
