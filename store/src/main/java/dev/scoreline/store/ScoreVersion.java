package dev.scoreline.store;

import java.time.Instant;

/** One saved version of a score's text. */
public record ScoreVersion(String name, int version, String objectType, String hash, String sourceText,
                           Instant createdAt) {

    public ScoreDefinitionText definition() {
        return new ScoreDefinitionText(name, objectType, sourceText);
    }
}
