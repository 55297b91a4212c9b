package dev.scoreline.api;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorelineBinderTest {

    /** A sink that keeps what it is given (plugin-api's tests cannot use the testkit, which depends on it). */
    static final class RecordingSink implements ScoreSink {
        private final String name;
        final List<ScoreUpdate> received = new java.util.ArrayList<>();

        RecordingSink(String name) {
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override public void write(List<ScoreUpdate> updates) { received.addAll(updates); }
    }

    static final class FixedAdapter implements CrmAdapter {
        @Override public String name() { return "fixed"; }
        @Override public Stream<CrmRecord> records() { return Stream.of(new CrmRecord(RecordKey.parse("contact:c1"), Map.of())); }
    }

    @Test
    void modulesFromSeveralPluginsAddUpByName() {
        Module adapters = new ScorelineModule() {
            @Override protected void configurePlugins(ScorelineBinder scoreline) {
                scoreline.addAdapter(new FixedAdapter()).addAdapter("other", FixedAdapter.class);
            }
        };
        RecordingSink sink = new RecordingSink("rec");
        Module sinks = binder -> ScorelineBinder.of(binder).addSink(sink);
        Injector injector = Guice.createInjector(adapters, sinks);

        assertThat(injector.getInstance(ScorelineBinder.ADAPTERS)).containsOnlyKeys("fixed", "other");
        assertThat(injector.getInstance(ScorelineBinder.SINKS)).containsEntry("rec", sink);
    }

    @Test
    void oneLineInstallsAnAdapterOrASinkUnderItsOwnNameOrAnother() {
        RecordingSink sink = new RecordingSink("rec");
        Injector injector = Guice.createInjector(ScorelineModule.adapter(new FixedAdapter()),
                ScorelineModule.adapter("backup", new FixedAdapter()),
                ScorelineModule.sink(sink), ScorelineModule.sink("audit", new RecordingSink("rec")));

        assertThat(injector.getInstance(ScorelineBinder.ADAPTERS)).containsOnlyKeys("fixed", "backup");
        assertThat(injector.getInstance(ScorelineBinder.SINKS)).containsOnlyKeys("rec", "audit").containsEntry("rec", sink);
    }

    @Test
    void aOneLinePluginReadsItsSettingsAndRefusesTheRest() {
        ScorelinePlugin plugin = ScorelinePlugin.sink("keep", "keeps updates", Map.of("label", "the sink's label (required)"),
                s -> new RecordingSink("keep-" + s.requiredString("label")));
        Injector injector = Guice.createInjector(plugin.module(Map.of("label", "a")));

        assertThat(injector.getInstance(ScorelineBinder.SINKS)).containsOnlyKeys("keep")
                .hasValueSatisfying(new org.assertj.core.api.Condition<>(s -> s.name().equals("keep-a"), "named keep-a"));
        assertThat(plugin.kind()).isEqualTo(ScorelinePlugin.Kind.SINK);
        assertThat(plugin.settings()).containsOnlyKeys("label");
        assertThatThrownBy(() -> plugin.module(Map.of("label", "a", "lable", "b")))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessage("sink \"keep\": unknown setting \"lable\"; known settings: label");
        assertThatThrownBy(() -> plugin.module(Map.of()))
                .hasMessage("sink \"keep\": setting \"label\" is required (a text value)");
    }

    /** Listed in this module's test resources, META-INF/services/dev.scoreline.api.ScorelinePluginProvider. */
    public static final class TestPlugins implements ScorelinePluginProvider {
        @Override
        public List<ScorelinePlugin> plugins() {
            return List.of(ScorelinePlugin.adapter("fixed", "one contact", Map.of(), s -> new FixedAdapter()),
                    ScorelinePlugin.sink("keep", "keeps updates", Map.of(), s -> new RecordingSink("keep")));
        }
    }

    @Test
    void discoveryFindsEveryPluginOfEveryListedProvider() {
        ScorelinePlugins plugins = ScorelinePlugins.discover();
        assertThat(plugins.names(ScorelinePlugin.Kind.ADAPTER)).containsExactly("fixed");
        assertThat(plugins.names(ScorelinePlugin.Kind.SINK)).containsExactly("keep");
        assertThat(Guice.createInjector(plugins.module(ScorelinePlugin.Kind.ADAPTER, "fixed", Map.of()))
                .getInstance(ScorelineBinder.ADAPTERS)).containsOnlyKeys("fixed");
    }

    @Test
    void twoDifferentPluginsOfOneKindUnderOneNameAreRefused() {
        ScorelinePlugin a = ScorelinePlugin.sink("out", "first", Map.of(), s -> new RecordingSink("out"));
        ScorelinePlugin b = ScorelinePlugin.sink("out", "second", Map.of(), s -> new RecordingSink("out"));
        assertThat(ScorelinePlugins.of(a, a).names(ScorelinePlugin.Kind.SINK)).containsExactly("out");
        assertThatThrownBy(() -> ScorelinePlugins.of(a, b))
                .hasMessage("two sink plugins are named \"out\": \"first\" and \"second\"");
    }

    @Test
    void twoPluginsUnderOneNameFailWithTheName() {
        Module a = binder -> ScorelineBinder.of(binder).addSink(new RecordingSink("out"));
        Module b = binder -> ScorelineBinder.of(binder).addSink(new RecordingSink("out"));
        assertThatThrownBy(() -> Guice.createInjector(a, b).getInstance(ScorelineBinder.SINKS))
                .isInstanceOf(CreationException.class).hasMessageContaining("out");
    }

    static final class SamplePlugin implements ScorelinePlugin {
        @Override public String name() { return "sample"; }
        @Override public Kind kind() { return Kind.SINK; }
        @Override public Module module(Map<String, Object> settings) {
            PluginSettings s = PluginSettings.of(this, settings);
            int size = s.integer("batch-size", 100, 1, 10_000);
            s.requiredPath("file");
            s.rejectUnknown();
            return binder -> ScorelineBinder.of(binder).addSink(new RecordingSink("sample-" + size));
        }
    }

    @Test
    void pluginsByNameWithSettingsErrorsThatSayWhatIsAllowed() {
        ScorelinePlugins plugins = ScorelinePlugins.of(new SamplePlugin());
        Injector injector = Guice.createInjector(plugins.module(ScorelinePlugin.Kind.SINK, "sample",
                Map.of("file", "out.jsonl", "batch-size", 5)));
        assertThat(injector.getInstance(ScorelineBinder.SINKS)).containsOnlyKeys("sample-5");

        assertThatThrownBy(() -> plugins.module(ScorelinePlugin.Kind.SINK, "sample", Map.of()))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessage("sink \"sample\": setting \"file\" is required (a file or folder path)");
        assertThatThrownBy(() -> plugins.module(ScorelinePlugin.Kind.SINK, "sample", Map.of("file", "x", "batch-size", "lots")))
                .hasMessage("sink \"sample\": setting \"batch-size\" must be a whole number from 1 to 10000, got \"lots\"");
        assertThatThrownBy(() -> plugins.module(ScorelinePlugin.Kind.SINK, "sample", Map.of("file", "x", "fiel", "y")))
                .hasMessage("sink \"sample\": unknown setting \"fiel\"; known settings: batch-size, file");
        assertThatThrownBy(() -> plugins.get(ScorelinePlugin.Kind.ADAPTER, "sample"))
                .hasMessage("no adapter plugin named \"sample\"; known adapters: none");
    }

    @Test
    void settingsReadDurationsListsAndChoices() {
        PluginSettings s = PluginSettings.of("test", Map.of("a", "500ms", "b", "2m", "c", "PT3S", "d", List.of("x", " y "),
                "e", "x, y", "f", "on"));
        assertThat(s.duration("a", null)).hasMillis(500);
        assertThat(s.duration("b", null)).hasMinutes(2);
        assertThat(s.duration("c", null)).hasSeconds(3);
        assertThat(s.stringList("d")).containsExactly("x", "y");
        assertThat(s.stringList("e")).containsExactly("x", "y");
        assertThat(s.bool("f", false)).isTrue();
        assertThat(s.choice("g", ScorelinePlugin.Kind.class, ScorelinePlugin.Kind.SINK)).isEqualTo(ScorelinePlugin.Kind.SINK);
        s.rejectUnknown();
    }

    @Test
    void aSinkPluginMakesOneInstancePerIdAndItsSettingsErrorsNameTheInstance() {
        ScorelinePlugin recording = ScorelinePlugin.sink("rec", "keeps updates", Map.of("tag", "a label"),
                s -> new RecordingSink(s.id() + ":" + s.string("tag", "")));
        ScorelinePlugins plugins = ScorelinePlugins.of(recording);
        Injector injector = Guice.createInjector(plugins.module(ScorelinePlugin.Kind.SINK, "rec", Map.of("tag", "x")),
                plugins.module(ScorelinePlugin.Kind.SINK, "rec", "audit", Map.of("tag", "y")));

        Map<String, ScoreSink> sinks = injector.getInstance(ScorelineBinder.SINKS);
        assertThat(sinks).containsOnlyKeys("rec", "audit");
        assertThat(sinks.get("rec").name()).isEqualTo("rec:x");
        assertThat(sinks.get("audit").name()).isEqualTo("audit:y");
        assertThatThrownBy(() -> recording.module("audit", Map.of("colour", "red")))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessage("sink \"audit\" (rec): unknown setting \"colour\"; known settings: tag");
    }

    @Test
    void aPluginWithAModuleOfItsOwnTakesOnlyItsOwnNameAsAnId() {
        ScorelinePlugin own = new ScorelinePlugin() {
            @Override public String name() { return "own"; }
            @Override public Kind kind() { return Kind.SINK; }
            @Override public Module module(Map<String, Object> settings) { return ScorelineModule.sink(new RecordingSink("own")); }
        };
        assertThat(own.module("own", Map.of())).isNotNull();
        assertThatThrownBy(() -> own.module("second", Map.of()))
                .isInstanceOf(PluginSettingsException.class)
                .hasMessageContaining("sink \"second\" (own): setting \"id\" cannot be used");
    }
}
