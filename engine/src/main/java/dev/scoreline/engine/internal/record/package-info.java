/**
 * Not API: scoring one record at a time, free to change in any release. {@link
 * dev.scoreline.engine.internal.record.RecordView} holds one record and the records associated with
 * it; {@link dev.scoreline.engine.internal.record.KeyScorer} keeps the shapes, matches and Drools
 * session of a task across the records it scores, so a distributed job's per-key scoring reuses
 * what the records before it matched.
 */
package dev.scoreline.engine.internal.record;
