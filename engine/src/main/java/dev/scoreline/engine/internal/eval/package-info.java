/**
 * Not API: the engine's arithmetic after the matches, free to change in any release. The {@link
 * dev.scoreline.engine.internal.eval.Evaluator} adds up rule contributions, group limits, totals,
 * statuses and explanations; {@link dev.scoreline.engine.internal.eval.EventRuleCounter} counts a
 * record's events for the event rules in one walk; {@link dev.scoreline.engine.internal.eval.DecayMath}
 * is the decay; {@link dev.scoreline.engine.internal.eval.NextChange} says when a value next moves
 * with time alone; {@link dev.scoreline.engine.internal.eval.RunScorer} scores a whole run in chunks.
 */
package dev.scoreline.engine.internal.eval;
