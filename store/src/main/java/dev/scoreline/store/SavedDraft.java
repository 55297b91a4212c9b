package dev.scoreline.store;

/**
 * What {@link ScoreStore#saveDraft} did: {@code newVersion} is false when the text was the same
 * as the newest version (same hash), so nothing was saved.
 */
public record SavedDraft(CatalogEntry entry, boolean newVersion, boolean newScore) { }
