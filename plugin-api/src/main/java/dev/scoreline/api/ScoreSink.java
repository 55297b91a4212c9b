package dev.scoreline.api;

import java.util.List;

/**
 * Where scores go: score properties in a database, files, webhooks.
 *
 * <p>A sink must not lose updates, and it need not retry: the runtime does. A sink that returns
 * from {@link #write} owns the batch (it is stored, sent or durably queued). When {@code write}
 * throws, the runtime retries with backoff and keeps what the sink did not take in the sink's
 * outbox, offering it again on a later write, a flush or the next run. A
 * {@link PartialWriteException} says the sink took the first {@code taken()} updates, so only the
 * rest is kept; any other exception means it took none of them.
 */
public interface ScoreSink extends AutoCloseable {

    /** The name a config file uses for this sink, e.g. {@code jsonl}; also its default binding name. */
    String name();

    default void open() throws Exception { }

    /** Receives a batch of updates, in order per record. */
    void write(List<ScoreUpdate> updates) throws Exception;

    /** Makes what was written durable. */
    default void flush() throws Exception { }

    @Override
    default void close() throws Exception { }
}
