package dev.scoreline.api;

/**
 * Thrown by {@link ScoreSink#write} when the sink took the first {@link #taken()} updates of the
 * batch and not the rest: a webhook whose endpoint went away halfway, an API that accepted a
 * prefix. The runtime keeps exactly the rest, in order, and offers it again later, so nothing is
 * lost and nothing the sink took is offered twice.
 *
 * <p>Any other exception from {@code write} means the sink took nothing of the batch.
 */
public class PartialWriteException extends ScorelineException {

    private static final long serialVersionUID = 1L;

    private final int taken;

    /**
     * @param taken how many updates, from the start of the batch, the sink took (0 for none)
     * @param cause why it stopped, e.g. the endpoint's {@code IOException}
     */
    public PartialWriteException(int taken, String message, Throwable cause) {
        super(ErrorCode.SINK_FAILED, message, "the rest is kept and offered again; check the sink's target", cause);
        if (taken < 0) {
            throw new IllegalArgumentException("taken must not be negative, got " + taken);
        }
        this.taken = taken;
    }

    /** How many updates, from the start of the batch, the sink took. */
    public int taken() {
        return taken;
    }
}
