/**
 * Not API: where Drools decides the matches, free to change in any release. {@link
 * dev.scoreline.engine.internal.match.DroolsShapeMatcher} opens and fires the Drools sessions, one
 * per batch of shapes, inserting the {@link dev.scoreline.engine.internal.match.DroolsFacts}; rule
 * consequences only set bits in a fact's {@link dev.scoreline.engine.internal.match.HitSet}. The
 * matches are cached per shape for one evaluation instant.
 */
package dev.scoreline.engine.internal.match;
