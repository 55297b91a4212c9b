/**
 * Not API: the engine's layout of loaded data, free to change in any release. A run's data is
 * read from an adapter (on a second thread, {@link dev.scoreline.engine.internal.data.ReadAhead}),
 * every record and event reduced to an interned shape of just what the rules read ({@link
 * dev.scoreline.engine.internal.data.ShapeInterner}, values as {@link
 * dev.scoreline.engine.internal.data.DataValue}) and held compactly ({@link
 * dev.scoreline.engine.internal.data.LoadedData}: event blocks, key and pair indexes). Evaluation
 * reads it through {@link dev.scoreline.engine.internal.data.DataView}.
 */
package dev.scoreline.engine.internal.data;
