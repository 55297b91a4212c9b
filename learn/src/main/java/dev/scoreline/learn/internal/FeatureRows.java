package dev.scoreline.learn.internal;

import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * One row per record of a snapshot's population: which candidate criteria the engine found it to
 * meet at the snapshot (a bit per criterion), whether it converted, its snapshot. The criteria are
 * the groups {@code c0}, {@code c1}, … of the candidate definitions.
 */
public final class FeatureRows implements Replay.Listener {

    private final int features;
    private final int words;
    /** Per candidate score, the feature of each of its groups in order (its results keep that order). */
    private final Map<String, int[]> groupFeatures;
    private final Map<String, String[]> groupNames = new java.util.HashMap<>();
    private long[] current = new long[0];
    private long[] bits = new long[0];
    private boolean[] labels = new boolean[0];
    private int[] snapshots = new int[0];
    private int size;

    /** {@code groupFeatures}: per candidate score, the feature of each of its groups, in the groups' order. */
    public FeatureRows(int features, Map<String, int[]> groupFeatures) {
        this.features = features;
        this.words = Math.max(1, (features + 63) / 64);
        this.groupFeatures = Map.copyOf(groupFeatures);
        groupFeatures.forEach((score, fs) -> groupNames.put(score,
                java.util.Arrays.stream(fs).mapToObj(FeatureRows::group).toArray(String[]::new)));
    }

    public static String group(int feature) {
        return "c" + feature;
    }

    @Override
    public void result(int snapshot, int record, ScoreResult result) {
        int[] inOrder = groupFeatures.get(result.score());
        if (inOrder == null) {
            return;
        }
        String[] names = groupNames.get(result.score());
        if ((record + 1) * words > current.length) {
            current = Arrays.copyOf(current, Math.max((record + 1) * words, current.length * 2));
        }
        int i = 0;
        for (Map.Entry<String, BigDecimal> g : result.groups().entrySet()) {
            if (g.getValue().signum() > 0) {
                // The groups come in the definition's order: its position names the feature, checked by name.
                int f = i < names.length && names[i].equals(g.getKey()) ? inOrder[i] : Integer.parseInt(g.getKey().substring(1));
                current[record * words + f / 64] |= 1L << (f % 64);
            }
            i++;
        }
    }

    @Override
    public void snapshot(int snapshot, int[] population, boolean[] converted) {
        ensure(size + population.length);
        for (int i = 0; i < population.length; i++) {
            int from = population[i] * words;
            if (from < current.length) {
                System.arraycopy(current, from, bits, size * words, words);
            }
            labels[size] = converted[i];
            snapshots[size++] = snapshot;
        }
        Arrays.fill(current, 0L);
    }

    private void ensure(int rows) {
        if (rows > labels.length) {
            int n = Math.max(rows, labels.length * 2);
            bits = Arrays.copyOf(bits, n * words);
            labels = Arrays.copyOf(labels, n);
            snapshots = Arrays.copyOf(snapshots, n);
        }
    }

    public int size() {
        return size;
    }

    public int features() {
        return features;
    }

    public boolean has(int row, int feature) {
        return (bits[row * words + feature / 64] & (1L << (feature % 64))) != 0;
    }

    public boolean converted(int row) {
        return labels[row];
    }

    public int snapshot(int row) {
        return snapshots[row];
    }

    /** The rows of snapshots {@code [from, to)}. */
    public int[] rowsOf(int from, int to) {
        return java.util.stream.IntStream.range(0, size).filter(r -> snapshots[r] >= from && snapshots[r] < to).toArray();
    }

    /** The rows' value under integer points per feature: what the engine gives a score of those 1-point rules times the points. */
    public double value(int row, int[] points) {
        double v = 0;
        for (int f = 0; f < features; f++) {
            if (points[f] != 0 && has(row, f)) {
                v += points[f];
            }
        }
        return v;
    }
}
