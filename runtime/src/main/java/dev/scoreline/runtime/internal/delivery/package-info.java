/** Not API: handing score updates to the sinks in batches, counting them, and closing the sinks. */
package dev.scoreline.runtime.internal.delivery;
