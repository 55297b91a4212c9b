package dev.scoreline.runtime;

import dev.scoreline.api.ReadProgress;
import java.util.Optional;

/**
 * What a progress line learns of a run's phases, so it can show an ETA ({@code Scoreline.run(observer,
 * progress)}); each result scored goes to the run's observer. Called on the run's thread.
 */
public interface RunProgress {

    /** Hears nothing. */
    RunProgress NONE = new RunProgress() { };

    /** Loading the data starts; {@code read} says how far the adapter has read (empty: it cannot tell). */
    default void loading(Optional<ReadProgress> read) { }

    /** Loading is done; the run gives at most {@code results} results (each score once per record of its type). */
    default void scoring(long results) { }
}
