/**
 * Not API: how outcomes are replayed through the engine snapshot by snapshot ({@code Replay}),
 * measured ({@code Measures}), and how a suggestion is drawn from the data: candidate criteria,
 * their values per snapshot, the sparse fit and the {@code .score} text it becomes.
 */
package dev.scoreline.learn.internal;
