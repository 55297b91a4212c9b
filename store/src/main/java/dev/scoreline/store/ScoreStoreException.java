package dev.scoreline.store;

/** A store operation that cannot be done; the message says what and why, for people. */
public class ScoreStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScoreStoreException(String message) {
        super(message);
    }

    public ScoreStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No score has that name. */
    public static final class NotFound extends ScoreStoreException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The operation contradicts the catalog's state (a name taken, an active score deleted, …). */
    public static final class Conflict extends ScoreStoreException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }

    /** A quota of an object type would be exceeded. */
    public static final class QuotaExceeded extends ScoreStoreException {
        private static final long serialVersionUID = 1L;
        private final String objectType;
        private final String kind;
        private final int limit;

        public QuotaExceeded(String objectType, String kind, int limit, String message) {
            super(message);
            this.objectType = objectType;
            this.kind = kind;
            this.limit = limit;
        }

        public String objectType() {
            return objectType;
        }

        /** {@code active} or {@code drafts}. */
        public String kind() {
            return kind;
        }

        public int limit() {
            return limit;
        }
    }
}
