package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.runtime.internal.delivery.Delivery;
import dev.scoreline.store.DeliveryLog;
import dev.scoreline.store.ScoreApplication;
import dev.scoreline.store.ScoreDefinitionText;
import dev.scoreline.store.ScoreDiff;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.store.ScoreVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a run and the store's catalog agree on what runs: a run of the catalog compiles the active
 * version of every active score (drafts never run); a run of files saves them to the catalog and
 * activates them (so the catalog says what runs, within its quotas); and every run with a store
 * clears the values of the scores deactivated since, with one "left scope" update per record, so a
 * sink drops the property of a score that no longer runs.
 */
public final class CatalogRules {

    /** The cause of the removal of a deactivated score's value: a "left scope" update with its reason. */
    public static final String DEACTIVATED = ScoreStore.LEFT_SCOPE + ": the score was deactivated";

    private CatalogRules() {
    }

    /** The texts a run of the catalog compiles: the active version of every active score. */
    public static List<ScoreParser.SourceText> active(ScoreStore store) {
        return active(store, false);
    }

    /**
     * The same; with {@code orClearing}, none active is not an error while a deactivated score
     * still holds values: the run then only clears them (else deactivating the last active score
     * would leave its values in the sinks for good).
     */
    public static List<ScoreParser.SourceText> active(ScoreStore store, boolean orClearing) {
        List<ScoreVersion> active = store.activeDefinitions();
        if (active.isEmpty() && orClearing && !store.catalog().deactivatedWithValues().isEmpty()) {
            return List.of();
        }
        if (active.isEmpty()) {
            throw new ScorelineException(ErrorCode.NO_RULES, "the store's catalog has no active score, so `rules: catalog` has nothing to run",
                    "activate one with `scoreline scores activate NAME` (see `scoreline scores list`), "
                            + "or name .score files in the config's rules");
        }
        List<ScoreParser.SourceText> texts = new ArrayList<>();
        for (ScoreVersion v : active) {
            texts.add(new ScoreParser.SourceText("catalog \"" + v.name() + "\" version " + v.version(), v.sourceText()));
        }
        return texts;
    }

    /**
     * Saves every score of the (validated) files to the catalog, a changed text as a new version,
     * and activates it: what a run of files scores is what the catalog says runs. Activation is
     * where the active quota of an object type is enforced (SL606).
     */
    public static void saveAndActivate(ScoreStore store, List<ScoreParser.SourceText> files) {
        for (ScoreParser.SourceText file : files) {
            for (ScoreDefinitionText d : ScoreDefinitionText.split(file.text())) {
                store.saveDraft(d);
                store.activate(d.name());
            }
        }
    }

    /**
     * Clears every deactivated score that still holds values: each of its records gets one update
     * with no value (cause {@link #DEACTIVATED}) through {@code listener}, and its feed position is
     * dropped, so activating it again scores every record. Returns each cleared score's diff (its
     * status counts before, none after), by name.
     */
    static Map<String, ScoreDiff> clearDeactivated(ScoreStore store, Instant now, String runId, Delivery delivery) {
        Consumer<ScoreDiff.Batch> listener = delivery::deliverCommitted;
        DeliveryLog.Journal journal = delivery.journal();
        Map<String, ScoreDiff> cleared = new LinkedHashMap<>();
        for (String score : store.catalog().deactivatedWithValues()) {
            propertiesOf(store, score).ifPresent(names -> delivery.knowProperties(score, names));
            ScoreApplication a = store.ledger().begin(score, now, runId, r -> DEACTIVATED, k -> DEACTIVATED, listener,
                    journal);
            cleared.put(score, a.finish());
        }
        return cleared;
    }

    /** The properties of the version of {@code score} whose values the store holds (else its latest). */
    private static java.util.Optional<ScoreProperties> propertiesOf(ScoreStore store, String score) {
        return store.catalog().entry(score).flatMap(e -> store.catalog().version(score,
                        e.appliedVersion() != null ? e.appliedVersion() : e.version()))
                .map(v -> ScoreParser.parseAll(List.of(new ScoreParser.SourceText(score, v.sourceText()))))
                .filter(parsed -> !parsed.hasErrors() && !parsed.definitions().isEmpty())
                .map(parsed -> parsed.definitions().get(0).properties());
    }
}
