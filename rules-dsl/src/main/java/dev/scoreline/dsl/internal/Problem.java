package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;

/** A problem found before a position is attached: what the lexer stores in an error token. */
public record Problem(DiagnosticCode code, String message, String fix) { }
