/**
 * Not API: what the sample plugins share (file reading and appending, CSV and UTF-8 decoding,
 * instants, JSON text, a plain JDBC DataSource). Nothing here is a promise; it changes without notice.
 */
package dev.scoreline.plugins.internal;
