package dev.scoreline.plugins;

import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePluginProvider;
import dev.scoreline.plugins.console.ConsoleSink;
import dev.scoreline.plugins.csv.CsvAdapter;
import dev.scoreline.plugins.csv.CsvSink;
import dev.scoreline.plugins.internal.SimpleDataSource;
import dev.scoreline.plugins.jdbc.JdbcAdapter;
import dev.scoreline.plugins.jdbc.JdbcSchema;
import dev.scoreline.plugins.jdbc.JdbcSink;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.plugins.webhook.WebhookSink;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sample plugins for config files, one line each (listed in
 * {@code META-INF/services/dev.scoreline.api.ScorelinePluginProvider}). A host that installs them
 * itself needs none of this: {@code ScorelineModule.adapter(new JsonlAdapter(dir))}.
 *
 * <p>Every sink entry may also carry {@code outbox}, {@code attempts} and {@code backoff}: the
 * runtime reads those, for any sink.
 */
public final class SamplePlugins implements ScorelinePluginProvider {

    @Override
    public List<ScorelinePlugin> plugins() {
        return List.of(
                ScorelinePlugin.adapter("jsonl", "a folder of records.jsonl, events.jsonl and associations.jsonl",
                        Map.of("dir", "the data folder (required)"), s -> new JsonlAdapter(s.requiredPath("dir"))),
                ScorelinePlugin.adapter("csv", "a folder of CRM CSV exports: <type>.csv, events.csv, associations.csv, lists.csv",
                        Map.of("dir", "the folder of CSV files (required)"), s -> new CsvAdapter(s.requiredPath("dir"))),
                ScorelinePlugin.adapter("jdbc", "CRM data in database tables (scoreline_records, scoreline_events, ...; see docs/plugins.md)",
                        with(with(JDBC_SETTINGS, "create-tables", "create the tables when missing (default false)"),
                                "changed-column", "the column of scoreline_records and scoreline_list_memberships that says "
                                        + "when a row changed (e.g. updated_at): gives the adapter a change feed"),
                        SamplePlugins::jdbcAdapter),
                ScorelinePlugin.sink("jsonl", "appends one JSON line per score update to a file",
                        Map.of("file", "the file to append to (required)"), s -> new JsonlSink(s.requiredPath("file"))),
                ScorelinePlugin.sink("csv", "appends one CSV row per score update to a file",
                        Map.of("file", "the file to append to (required); a header row is written when it is new"),
                        s -> new CsvSink(s.requiredPath("file"))),
                ScorelinePlugin.sink("jdbc", "upserts score properties (value, status, engagement, fit, groups) into the scoreline_scores table",
                        with(JDBC_SETTINGS, "create-table", "create scoreline_scores when missing (default true)"),
                        s -> new JdbcSink(dataSource(s), s.bool("create-table", true))),
                ScorelinePlugin.sink("webhook", "POSTs JSON on status transitions and threshold crossings",
                        WebhookSink.SETTINGS, WebhookSink::fromSettings),
                ScorelinePlugin.sink("console", "prints one line per score update on standard output",
                        Map.of("changes-only", "print only updates whose value or status moved (default false)"),
                        s -> new ConsoleSink(System.out, s.bool("changes-only", false))));
    }

    private static final Map<String, String> JDBC_SETTINGS = Map.of(
            "url", "JDBC URL (required), e.g. jdbc:postgresql://host/db or jdbc:h2:./scores",
            "user", "database user",
            "password", "database password (prefer password-env)",
            "password-env", "name of an environment variable holding the password");

    private static JdbcAdapter jdbcAdapter(PluginSettings s) {
        DataSource dataSource = dataSource(s);
        if (s.bool("create-tables", false)) {
            try {
                JdbcSchema.createCrmTables(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("adapter \"jdbc\": cannot create the tables: " + e.getMessage(), e);
            }
        }
        String changed = s.optionalString("changed-column").orElse(null);
        if (changed != null && !changed.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw s.error("changed-column", "must be a column name (letters, digits, _), got \"" + changed + "\"");
        }
        return new JdbcAdapter(dataSource, changed);
    }

    /** A JDBC DataSource from {@code url}, {@code user} and {@code password} or {@code password-env}. */
    private static DataSource dataSource(PluginSettings s) {
        String url = s.requiredString("url");
        if (!url.startsWith("jdbc:")) {
            throw s.error("url", "must be a JDBC URL starting with jdbc:, got \"" + url + "\"");
        }
        String user = s.optionalString("user").orElse(null);
        String password = s.optionalString("password").orElse(null);
        Optional<String> env = s.optionalString("password-env");
        if (env.isPresent()) {
            if (password != null) {
                throw s.error("password-env", "cannot be set together with \"password\"; keep one");
            }
            password = System.getenv(env.get());
            if (password == null) {
                throw s.error("password-env", "names the environment variable " + env.get() + ", which is not set");
            }
        }
        return new SimpleDataSource(url, user, password);
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String description) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.put(key, description);
        return out;
    }
}
