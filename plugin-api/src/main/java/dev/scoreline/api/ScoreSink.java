package dev.scoreline.api;

import java.util.List;

/**
 * Where scores go: score properties in a database, files, webhooks.
 *
 * <p>A sink must not lose updates. When {@link #write} throws, the engine retries the same batch
 * and keeps what the sink could not take; a sink that accepts a batch owns it.
 */
public interface ScoreSink extends AutoCloseable {

    /** The name a config file uses for this sink, e.g. {@code jsonl}. */
    String name();

    default void open() throws Exception { }

    /** Receives a batch of updates, in order per record. */
    void write(List<ScoreUpdate> updates) throws Exception;

    /** Makes what was written durable. */
    default void flush() throws Exception { }

    @Override
    default void close() throws Exception { }
}
