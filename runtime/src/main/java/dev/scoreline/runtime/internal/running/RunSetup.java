package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.runtime.internal.delivery.Delivery;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.store.StoreLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a built {@code Scoreline} runs with: the engine and compiled scores, the chosen adapter, the
 * sinks by name (each wrapped so it loses nothing), NOW (null: the wall clock), where data problems
 * go, the delivery batch size, the store (null: none), whether every run scores everything, how long
 * a run waits for another run of the store to finish, who hears of that wait, and the rule files
 * a run saves to the store's catalog and activates (none when it runs the catalog's).
 */
public record RunSetup(ScoreEngine engine, CompiledScores scores, CrmAdapter adapter, Map<String, ScoreSink> sinks,
                       Instant asOf, DataProblems problems, int batch, ScoreStore store, boolean fullRun,
                       Duration storeWait, Consumer<String> storeNotices, List<ScoreParser.SourceText> savedRules) {

    /**
     * The store taken for one run (null without a store): no other run of it starts until closed.
     * The run's rule files are saved to the catalog only once it is held, so two runs starting
     * together never write the same catalog rows.
     */
    StoreLock lockStore(String runId) {
        if (store == null) {
            return null;
        }
        StoreLock lock = store.lockForRun(runId, storeWait, storeNotices);
        try {
            if (!savedRules.isEmpty()) {
                CatalogRules.saveAndActivate(store, savedRules);
            }
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The configured NOW, or the wall clock's. */
    Instant now() {
        return asOf == null ? Instant.now() : asOf;
    }

    List<String> scoreNames() {
        return scores.definitions().stream().map(d -> d.name()).toList();
    }

    /** A fresh delivery to the sinks, for one run. */
    Delivery delivery() {
        Delivery delivery = new Delivery(sinks, batch, problems, store == null ? null : store.deliveries());
        scores.definitions().forEach(d -> delivery.knowProperties(d.name(), d.properties()));
        return delivery;
    }
}
