/**
 * Not API: live updates, free to change in any release. {@link
 * dev.scoreline.engine.internal.live.LiveData} is loaded data that changes one record, event or
 * association at a time; {@link dev.scoreline.engine.internal.live.LiveEngine} re-scores exactly
 * the records a change or the passing of time can affect.
 */
package dev.scoreline.engine.internal.live;
