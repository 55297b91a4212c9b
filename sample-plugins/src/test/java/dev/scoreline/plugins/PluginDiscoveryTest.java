package dev.scoreline.plugins;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;
import dev.scoreline.api.ScorelinePlugin.Kind;
import dev.scoreline.api.ScorelinePlugins;
import dev.scoreline.plugins.csv.CsvAdapter;
import dev.scoreline.plugins.jdbc.JdbcSink;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.plugins.jsonl.JsonlSink;
import dev.scoreline.plugins.webhook.WebhookSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDiscoveryTest {

    private final ScorelinePlugins plugins = ScorelinePlugins.discover();

    @Test
    void everySamplePluginIsFoundByName() {
        assertThat(plugins.names(Kind.ADAPTER)).containsExactly("csv", "jdbc", "jsonl");
        assertThat(plugins.names(Kind.SINK)).containsExactly("console", "csv", "jdbc", "jsonl", "webhook");
        assertThat(plugins.all()).allSatisfy(p -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.settings()).isNotEmpty();
        });
    }

    @Test
    void configuredPluginsBindIntoOneInjector(@TempDir Path dir) {
        Injector injector = Guice.createInjector(
                plugins.module(Kind.ADAPTER, "jsonl", Map.of("dir", dir.toString())),
                plugins.module(Kind.ADAPTER, "csv", Map.of("dir", dir.toString())),
                plugins.module(Kind.SINK, "jdbc", Map.of("url", "jdbc:h2:mem:x")),
                plugins.module(Kind.SINK, "webhook", Map.of("url", "https://example.invalid/hook",
                        "rejected", dir.resolve("w.jsonl").toString(),
                        "thresholds", List.of(Map.of("score", "Deal score", "value", 75, "direction", "up")),
                        "headers", Map.of("Authorization", "Bearer t"))),
                plugins.module(Kind.SINK, "console", Map.of()));
        Map<String, CrmAdapter> adapters = injector.getInstance(ScorelineBinder.ADAPTERS);
        Map<String, ScoreSink> sinks = injector.getInstance(ScorelineBinder.SINKS);
        assertThat(adapters.get("jsonl")).isInstanceOf(JsonlAdapter.class);
        assertThat(adapters.get("csv")).isInstanceOf(CsvAdapter.class);
        assertThat(sinks.get("jdbc")).isInstanceOf(JdbcSink.class);
        assertThat(sinks.get("webhook")).isInstanceOf(WebhookSink.class);
        assertThat(sinks).containsOnlyKeys("jdbc", "webhook", "console");
    }

    @Test
    void explicitModulesNeedNoDiscovery(@TempDir Path dir) {
        Injector injector = Guice.createInjector(ScorelineModule.adapter(new JsonlAdapter(dir)),
                ScorelineModule.sink("scores", new JsonlSink(dir.resolve("scores.jsonl"))));
        assertThat(injector.getInstance(ScorelineBinder.ADAPTERS)).containsOnlyKeys("jsonl");
        assertThat(injector.getInstance(ScorelineBinder.SINKS)).containsOnlyKeys("scores");
    }

    @Test
    void badSettingsSayWhichKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> plugins.module(Kind.ADAPTER, "jsonl", Map.of()))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessage("adapter \"jsonl\": setting \"dir\" is required (a file or folder path)");
        assertThatThrownBy(() -> plugins.module(Kind.ADAPTER, "csv", Map.of("dir", "x", "folder", "y")))
                .hasMessage("adapter \"csv\": unknown setting \"folder\"; known settings: dir");
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "jdbc", Map.of("url", "postgres://h/db")))
                .hasMessage("sink \"jdbc\": setting \"url\" must be a JDBC URL starting with jdbc:, got \"postgres://h/db\"");
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "webhook", Map.of("url", "ftp://h/x")))
                .hasMessage("sink \"webhook\": setting \"url\" must be an absolute http or https URL, got \"ftp://h/x\"");
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "webhook", Map.of("url", "https://h/x",
                "thresholds", List.of(Map.of("value", "high")))))
                .hasMessage("sink \"webhook\", threshold 1: setting \"value\" must be a number, got \"high\"");
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "webhook", Map.of("url", "https://h/x",
                "thresholds", List.of(Map.of("value", 5, "direction", "sideways")))))
                .hasMessage("sink \"webhook\", threshold 1: setting \"direction\" must be one of up, down, both, got \"sideways\"");
        // outbox, attempts and backoff are the runtime's settings (SinkOutbox), not a plugin's
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "jsonl", Map.of("file", "x", "attempts", 3)))
                .hasMessage("sink \"jsonl\": unknown setting \"attempts\"; known settings: file");
        assertThatThrownBy(() -> plugins.module(Kind.SINK, "kafka", Map.of()))
                .hasMessage("no sink plugin named \"kafka\"; known sinks: console, csv, jdbc, jsonl, webhook");
    }
}
