package dev.scoreline.dsl;

import dev.scoreline.dsl.internal.Suggestions;
import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" for names outside the rule files (a score name given to a command): the same
 * nearest-candidate rule the language's diagnostics use.
 */
public final class NearestName {

    private NearestName() { }

    /** The candidate nearest to {@code word} when it is near enough to help; empty otherwise. */
    public static Optional<String> of(String word, Collection<String> candidates) {
        return Suggestions.nearest(word, candidates);
    }
}
