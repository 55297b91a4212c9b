package dev.scoreline.engine.internal.data;

/**
 * Entries numbered in the order they are added, found by an open-addressing table of ints
 * (entry number + 1 per slot, 0 empty) with linear probing. Subclasses keep the entries in their
 * own primitive or object arrays and say how an entry hashes; lookups walk {@link #first} and
 * {@link #after} and compare entries themselves, so nothing is boxed.
 */
abstract class OpenIndex {

    private int[] slots = new int[2048];
    protected int size;

    public int size() {
        return size;
    }

    /** The hash of entry {@code i}, already mixed (as {@link #mix} gives). */
    protected abstract int hashAt(int i);

    /** Makes room for one more entry; call before storing entry {@code size}. */
    protected final void reserve() {
        if ((size + 1) * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int i = 0; i < size; i++) {
                place(i);
            }
        }
    }

    /** Files entry {@code size}, stored by the subclass, and counts it. */
    protected final int commit() {
        place(size);
        return size++;
    }

    /** The slot a probe for {@code hash} starts at. */
    protected final int first(int hash) {
        return hash & (slots.length - 1);
    }

    protected final int after(int slot) {
        return (slot + 1) & (slots.length - 1);
    }

    /** The entry in a slot, or -1 when the slot is empty (the probe ends). */
    protected final int entryAt(int slot) {
        return slots[slot] - 1;
    }

    private void place(int i) {
        int s = first(hashAt(i));
        while (slots[s] != 0) {
            s = after(s);
        }
        slots[s] = i + 1;
    }

    protected static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
