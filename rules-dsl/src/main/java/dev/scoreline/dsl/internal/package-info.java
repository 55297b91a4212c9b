/**
 * The machinery of the {@code .score} language: lexer, line readers, parser, validator. Not API:
 * use {@link dev.scoreline.dsl.ScoreParser} and {@link dev.scoreline.dsl.ScoreFormatter}; these
 * classes change without notice.
 */
package dev.scoreline.dsl.internal;
