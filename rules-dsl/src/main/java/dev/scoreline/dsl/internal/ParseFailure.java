package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;

/**
 * Ends the parsing of one statement: the line's one error. {@code token} is the token at fault, or
 * {@code null} when the line ended too early (the error then points just past its last token).
 */
public final class ParseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final DiagnosticCode code;
    final Token token;
    final String fix;

    ParseFailure(DiagnosticCode code, Token token, String message, String fix) {
        super(message, null, false, false);
        this.code = code;
        this.token = token;
        this.fix = fix;
    }
}
