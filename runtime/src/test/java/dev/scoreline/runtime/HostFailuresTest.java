package dev.scoreline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.CreationException;
import com.google.inject.Provides;
import com.google.inject.AbstractModule;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a host meets when wiring or running goes wrong: coded failures, one line each, the cause kept. */
class HostFailuresTest {

    private static final String RULES = "score \"Lead\" on contact\n  type engagement\n  group \"G\"\n"
            + "    add 10 for each meeting_booked\n";

    private static final CrmAdapter CRM = new CrmAdapter() {
        public String name() { return "crm"; }
        public Stream<CrmRecord> records() {
            return Stream.of(new CrmRecord(RecordKey.parse("contact:c1"), Map.of()));
        }
    };

    private static ScoreSink sink(String name) {
        return new ScoreSink() {
            public String name() { return name; }
            public void write(List<ScoreUpdate> updates) { }
        };
    }

    @Test
    void twoSinksUnderOneNameAreSL507WithGuicesReportAsCause(@TempDir Path outbox) {
        ScorelineException e = catchThrowableOfType(() -> Scoreline.builder().rules("lead.score", RULES).outbox(outbox)
                .install(b -> ScorelineBinder.of(b).addAdapter(CRM).addSink("out", sink("a")))
                .install(b -> ScorelineBinder.of(b).addSink("out", sink("b")))
                .build(), ScorelineException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_SINK);
        assertThat(e.line()).isEqualTo("error[SL507]: two sinks are named \"out\"; fix: give each sink a name of its own "
                + "(in a config, an id: on each sink entry)");
        assertThat(e.getCause()).isInstanceOf(CreationException.class);
    }

    @Test
    void aPluginWhoseProviderRefusesASettingIsSL504() {
        AbstractModule module = new AbstractModule() {
            @Override protected void configure() {
                ScorelineBinder.of(binder()).addAdapter(CRM);
            }

            @Provides @com.google.inject.Singleton ScoreSink webhook() {
                throw new PluginSettingsException("sink \"webhook\"", "url", "must be an http(s) URL, got \"ftp://x\"");
            }
        };
        // The provider runs when the builder asks Guice for the sinks: a ProvisionException around the refusal.
        ScorelineException asked = catchThrowableOfType(() -> Scoreline.builder().rules("lead.score", RULES)
                .install(module, b -> ScorelineBinder.of(b).addSink("webhook").to(ScoreSink.class)).build(),
                ScorelineException.class);
        assertThat(asked.line()).isEqualTo("error[SL504]: sink \"webhook\": setting \"url\" must be an http(s) URL, "
                + "got \"ftp://x\"; fix: see the plugin's settings in docs/plugins.md");
        assertThat(asked.getCause()).isInstanceOf(PluginSettingsException.class);
    }

    @Test
    void anythingElseGuiceRefusesIsSL510InOneLine() {
        ScorelineException e = catchThrowableOfType(() -> Scoreline.builder().rules("lead.score", RULES)
                .install(b -> ScorelineBinder.of(b).addAdapter(CRM).addSink("out").to(Unbuildable.class)).build(),
                ScorelineException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_WIRING);
        assertThat(e.line()).startsWith("error[SL510]: the plugins cannot be wired: ").doesNotContain("\n");
        assertThat(e.getCause()).isNotNull();
    }

    /** A sink Guice cannot construct: no injectable constructor. */
    static final class Unbuildable implements ScoreSink {
        Unbuildable(String notInjectable) { }
        public String name() { return "x"; }
        public void write(List<ScoreUpdate> updates) { }
    }

    @Test
    void noAdapterOrAMissingRulesFileSayWhatToDo(@TempDir Path dir) {
        ScorelineException none = catchThrowableOfType(() -> Scoreline.builder().rules("lead.score", RULES).build(),
                ScorelineException.class);
        assertThat(none.line()).isEqualTo("error[SL506]: no adapter installed; fix: install one, e.g. new JsonlAdapterModule(dir)");
        ScorelineException missing = catchThrowableOfType(() -> Scoreline.builder().rules(dir.resolve("lead.score")),
                ScorelineException.class);
        assertThat(missing.code()).isEqualTo(ErrorCode.RULES_UNREADABLE);
        assertThat(missing.getMessage()).endsWith("lead.score: no such file");
        assertThat(missing.getCause()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void storesThatCannotBeOpenedAreSL601AndSL602(@TempDir Path dir) throws Exception {
        ScorelineException refused = catchThrowableOfType(
                () -> Stores.open("jdbc:postgresql://127.0.0.1:1/scoreline?password=secret", null, null),
                ScorelineException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.STORE_UNREACHABLE);
        assertThat(refused.getMessage()).contains("127.0.0.1:1").doesNotContain("secret");
        assertThat(refused.getCause()).isInstanceOf(java.sql.SQLException.class);

        Path file = Files.writeString(dir.resolve("store"), "x");
        ScorelineException notAFolder = catchThrowableOfType(() -> Stores.embedded(file.resolve("inside")),
                ScorelineException.class);
        assertThat(notAFolder.code()).isEqualTo(ErrorCode.STORE_READ_ONLY);
        assertThat(notAFolder.getMessage()).endsWith("cannot be created: " + file + " is a file, not a folder");

        try (var store = Stores.open(dir.resolve("ok").toString(), null, null)) {
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void catalogRefusalsAreCodedByTheStoreAndPassThrough(@TempDir Path dir) {
        try (var store = Stores.open(dir.resolve("store").toString(), null, null)) {
            ScorelineException unknown = catchThrowableOfType(() -> store.require("X"), ScorelineException.class);
            assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_SCORE);
            assertThat(Failures.of(unknown)).isSameAs(unknown);
        }
        assertThat(Failures.known(new IllegalStateException("a bug"))).isEmpty();
        ScorelineException internal = Failures.of(new IllegalStateException("a bug\nsecond line"));
        assertThat(internal.line()).isEqualTo("error[SL900]: unexpected IllegalStateException: a bug; "
                + "fix: this is a bug in Scoreline; please report it");
    }
}
