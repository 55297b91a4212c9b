package dev.scoreline.api;

import java.util.Objects;

/**
 * Every failure a user can meet: a stable {@link ErrorCode}, a one-line message that names the
 * thing at fault (a config key, a store URL, a sink name, a file), a fix where one exists, and the
 * cause kept. {@link #line()} is what the command line prints: {@code error[SL603]: …; fix: …}.
 */
public class ScorelineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String fix;

    public ScorelineException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ScorelineException(ErrorCode code, String message, String fix) {
        this(code, message, fix, null);
    }

    public ScorelineException(ErrorCode code, String message, String fix, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.fix = fix == null || fix.isBlank() ? null : fix;
    }

    public ErrorCode code() {
        return code;
    }

    /** What the user can do about it, or null when nothing can be suggested. */
    public String fix() {
        return fix;
    }

    /** {@code error[SL603]: message; fix: …} on one line. */
    public String line() {
        String message = getMessage();
        if (fix != null && message.endsWith(".")) {
            // "…connections.; fix: …" reads badly: the fix continues the sentence.
            message = message.substring(0, message.length() - 1);
        }
        String text = "error[" + code.code() + "]: " + message + (fix == null ? "" : "; fix: " + fix);
        return text.replace('\n', ' ');
    }
}
