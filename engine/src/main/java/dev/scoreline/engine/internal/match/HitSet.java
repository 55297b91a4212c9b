package dev.scoreline.engine.internal.match;

/** The matchers (rule parts) a fact satisfied: the only thing a rule consequence may touch. */
public final class HitSet {

    private final long[] bits;

    public HitSet(int matcherCount) {
        bits = new long[(matcherCount + 63) >>> 6];
    }

    public void hit(int matcher) {
        bits[matcher >>> 6] |= 1L << matcher;
    }

    public long[] bits() {
        return bits;
    }

    public static boolean has(long[] bits, int matcher) {
        return (bits[matcher >>> 6] & (1L << matcher)) != 0;
    }
}
