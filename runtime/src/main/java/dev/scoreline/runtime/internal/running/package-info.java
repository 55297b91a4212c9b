/**
 * Not API: the runs behind {@code Scoreline.run()} and {@code Scoreline.follow(…)}: load, score,
 * compare with the store, deliver, and count what the report says.
 */
package dev.scoreline.runtime.internal.running;
