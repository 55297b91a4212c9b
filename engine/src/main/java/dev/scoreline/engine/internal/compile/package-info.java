/**
 * Not API: the engine's compiler, free to change in any release. It turns validated score
 * definitions into a Drools rule base of the executable model ({@link
 * dev.scoreline.engine.internal.compile.RuleBaseCompiler}) and holds the result with what the
 * rules read from the data ({@link dev.scoreline.engine.internal.compile.CompiledRuleBase}).
 * Conditions become fixed predicate objects ({@link dev.scoreline.engine.internal.compile.FactTest})
 * that hold literals as values, so no {@code .score} text is ever compiled as code; {@link
 * dev.scoreline.engine.internal.compile.TimeRange} is where the language's time rules become numbers.
 */
package dev.scoreline.engine.internal.compile;
