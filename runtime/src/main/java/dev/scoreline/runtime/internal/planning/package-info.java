/**
 * Not API: what a run of the runtime scores (every record, or only what changed and fell due,
 * and which interrupted run it resumes) and how its history entries state their causes.
 */
package dev.scoreline.runtime.internal.planning;
