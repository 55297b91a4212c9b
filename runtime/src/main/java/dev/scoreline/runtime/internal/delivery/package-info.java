/**
 * Not API: how the runtime delivers to sinks without losing an update. {@link
 * dev.scoreline.runtime.internal.delivery.ReliableSink} wraps every sink the host installs: it
 * retries a refused write with backoff and keeps what the sink did not take (one update per line)
 * in a {@link dev.scoreline.runtime.internal.delivery.DurableQueue}, delivered in order later.
 * Hosts configure it through {@link dev.scoreline.runtime.SinkOutbox}; nothing here is a promise.
 * {@link dev.scoreline.runtime.internal.delivery.Delivery} hands score updates to the sinks in
 * batches, counts them and closes the sinks.
 */
package dev.scoreline.runtime.internal.delivery;
