package dev.scoreline.store;

import java.time.Instant;

/**
 * One score of the catalog.
 *
 * @param version        the newest saved version (1, 2, …)
 * @param hash           SHA-256 (hex) of the newest version's text
 * @param activeVersion  the version that runs, or {@code null} for a draft; lower than
 *                       {@code version} when a newer text waits to be activated
 * @param appliedVersion the version whose results the store holds as current values, or
 *                       {@code null} when none was applied yet: an active score whose
 *                       {@code appliedVersion} differs from {@code activeVersion} needs a full run
 */
public record CatalogEntry(String name, String objectType, State state, int version, String hash,
                           Integer activeVersion, Integer appliedVersion,
                           Instant createdAt, Instant updatedAt, Instant activatedAt) {

    public enum State {
        DRAFT, ACTIVE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** An active score with a newer saved version than the one that runs. */
    public boolean hasPendingDraft() {
        return activeVersion != null && activeVersion < version;
    }

    /** Active, and its active version's results are not (all) in the store yet. */
    public boolean needsFullRun() {
        return activeVersion != null && !activeVersion.equals(appliedVersion);
    }
}
