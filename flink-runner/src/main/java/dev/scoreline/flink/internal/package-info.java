/**
 * Not API: the Flink job's pieces, free to change in any release. The facts travel between its
 * stages in explicit serializers ({@link dev.scoreline.flink.internal.FactsCodec}), so no Kryo
 * fallback ever decides how a record's values are written.
 */
package dev.scoreline.flink.internal;
