/**
 * Not API: how the store talks to its database — one connection with transactions and prepared
 * statements ({@link dev.scoreline.store.internal.StoreConnection}), the SQL dialect of H2 and
 * PostgreSQL ({@link dev.scoreline.store.internal.Dialect}), schema migration, the writes of current
 * values and history shared by runs and live updates, and the store's error codes. It may change
 * in any release; use {@link dev.scoreline.store.ScoreStore} and the classes it hands out.
 */
package dev.scoreline.store.internal;
