package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import dev.scoreline.runtime.internal.running.CatalogRules;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.Quotas;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import dev.scoreline.testkit.RecordingSink;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run of the catalog ({@link Scoreline.Builder#rulesFromCatalog()}): {@code activate} and
 * {@code deactivate} change what the next run scores and delivers, drafts never run, an update is
 * scored retroactively, and the quota is enforced at activation. On H2 and a real PostgreSQL.
 */
class CatalogRunTest {

    static final String LEAD = """
            score "Lead" on contact
              type engagement
              limit 100
              group "Sales" limit 100
                add 10 for each meeting_booked
            """;
    static final String FIT_V1 = """
            score "Fit" on contact
              type fit
              limit 100
              group "Role" limit 100
                add 5 if jobtitle is "CTO"
            """;
    static final String FIT_V2 = FIT_V1.replace("add 5", "add 7");
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path outbox;
    IncrementalRunTest.Crm crm;
    ScoreStore store;
    RecordingSink sink;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    void open(String database) {
        boolean h2 = database.equals("h2");
        store = h2 ? ScoreStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : ScoreStore.open(EmbeddedPostgresDatabases.freshDatabaseUrl(), EmbeddedPostgresDatabases.USER,
                EmbeddedPostgresDatabases.PASSWORD);
        crm = new IncrementalRunTest.Crm();
        crm.record(IncrementalRunTest.C1, Map.of("jobtitle", "CTO"));
        crm.record(IncrementalRunTest.C2, Map.of("jobtitle", "Intern"));
        crm.event(IncrementalRunTest.C1, "meeting_booked", Instant.parse("2026-02-20T00:00:00Z"));
    }

    RunReport runCatalog() {
        sink = new RecordingSink("scores");

        return Scoreline.builder().engine(Fixture.ENGINE)
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(sink))
                .rulesFromCatalog().store(store).asOf(NOW).outbox(outbox).build().run();
    }

    /** What the last run delivered, as "score record value" ("score record left scope, was value"). */
    List<String> delivered() {
        return sink.received().stream().map(u -> u.result().score() + " " + u.result().record() + " " + (u.leftScope()
                        ? u.cause() + ", was " + u.previousValue().stripTrailingZeros().toPlainString()
                        : u.result().value().stripTrailingZeros().toPlainString())).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void activateAndDeactivateChangeWhatTheNextRunDelivers(String database) {
        open(database);
        store.saveDraft("Lead", "contact", LEAD);
        store.saveDraft("Fit", "contact", FIT_V1);
        store.activate("Lead");

        RunReport first = runCatalog();
        assertThat(delivered()).as("a draft never runs").containsExactly("Lead contact:c1 10", "Lead contact:c2 0");
        assertThat(first.statusCounts()).containsOnlyKeys("Lead");

        store.activate("Fit");
        RunReport activated = runCatalog();
        assertThat(activated.plan()).isEqualTo("full: \"Fit\" has not run on this store yet (no finished run to go on from)");
        assertThat(delivered()).as("every in-scope record, retroactively; Lead did not move")
                .containsExactly("Fit contact:c1 5", "Fit contact:c2 0");

        store.deactivate("Lead");
        crm.event(IncrementalRunTest.C1, "meeting_booked", Instant.parse("2026-02-25T00:00:00Z"));
        RunReport deactivated = runCatalog();
        assertThat(delivered()).as("a deactivated score is not scored any more: its values are cleared in the sinks")
                .containsExactly("Lead contact:c1 " + CatalogRules.DEACTIVATED + ", was 10",
                        "Lead contact:c2 " + CatalogRules.DEACTIVATED + ", was 0");
        assertThat(deactivated.statusCounts().get("Lead")).as("its values are cleared").isEmpty();
        assertThat(store.current("Lead", IncrementalRunTest.C1)).isEmpty();
        List<HistoryEntry> leadHistory = store.history(IncrementalRunTest.C1, Optional.of("Lead"));
        HistoryEntry cleared = leadHistory.get(leadHistory.size() - 1);
        assertThat(cleared.newValue()).isNull();
        assertThat(cleared.oldValue()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(cleared.cause()).isEqualTo(CatalogRules.DEACTIVATED);
        assertThat(store.feedPosition("Lead")).as("so activating it again scores every record").isEmpty();

        store.activate("Lead");
        runCatalog();
        assertThat(delivered()).as("active again: both events count").containsExactly("Lead contact:c1 20", "Lead contact:c2 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anUpdateRunsOnlyOnceActivatedAndIsScoredRetroactively(String database) {
        open(database);
        store.saveDraft("Fit", "contact", FIT_V1);
        store.activate("Fit");
        runCatalog();

        store.saveDraft("Fit", "contact", FIT_V2);
        runCatalog();
        assertThat(delivered()).as("a pending draft does not run").isEmpty();

        store.activate("Fit");
        RunReport updated = runCatalog();
        assertThat(updated.plan()).isEqualTo("full: the definition of \"Fit\" changed since its last run");
        assertThat(delivered()).containsExactly("Fit contact:c1 7");
        assertThat(store.history(IncrementalRunTest.C1, Optional.of("Fit"))).extracting(HistoryEntry::newValue)
                .extracting(v -> v.stripTrailingZeros().toPlainString()).containsExactly("5", "7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theQuotaIsEnforcedAtActivationAndAnEmptyCatalogSaysSo(String database) {
        open(database);
        store.saveDraft("Lead", "contact", LEAD);
        store.saveDraft("Fit", "contact", FIT_V1);
        assertThatThrownBy(this::runCatalog).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_RULES);
            assertThat(e.getMessage()).contains("no active score");
        });
        store.setQuotas("contact", new Quotas(1, 20));
        store.activate("Lead");
        assertThatThrownBy(() -> store.activate("Fit")).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
            assertThat(e.getMessage()).isEqualTo("cannot activate \"Fit\": object type contact already has 1 active score"
                    + " and its quota is 1");
        });
        runCatalog();
        assertThat(delivered()).containsExactly("Lead contact:c1 10", "Lead contact:c2 0");
    }
}
