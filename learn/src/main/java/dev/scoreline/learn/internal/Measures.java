package dev.scoreline.learn.internal;

import dev.scoreline.learn.ScoreBacktest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Examples of one score as they are gathered (value, status, converted, record) and what is measured on them. */
public final class Measures {

    private double[] values = new double[1024];
    private int[] statuses = new int[1024];
    private boolean[] converted = new boolean[1024];
    private int size;
    private final List<String> statusNames = new ArrayList<>();
    private final Map<String, Integer> statusIds = new LinkedHashMap<>();
    private final java.util.BitSet records = new java.util.BitSet();
    private long outOfScope;

    public void add(int record, double value, String status, boolean conversion) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            statuses = Arrays.copyOf(statuses, size * 2);
            converted = Arrays.copyOf(converted, size * 2);
        }
        values[size] = value;
        statuses[size] = statusIds.computeIfAbsent(status, k -> {
            statusNames.add(k);
            return statusNames.size() - 1;
        });
        converted[size++] = conversion;
        records.set(record);
    }

    public void outOfScope() {
        outOfScope++;
    }

    public int size() {
        return size;
    }

    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    public boolean[] converted() {
        return Arrays.copyOf(converted, size);
    }

    public ScoreBacktest result(String score, int snapshots) {
        long positives = 0;
        for (int i = 0; i < size; i++) {
            positives += converted[i] ? 1 : 0;
        }
        return new ScoreBacktest(score, snapshots, size, records.cardinality(), positives,
                auc(values(), converted()), statusRows(), deciles(positives), outOfScope);
    }

    /** The rank statistic (Mann-Whitney): mid-ranks for ties, so a constant score gives exactly 0.5. */
    public static double auc(double[] values, boolean[] positive) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double rankSum = 0;
        long pos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && values[order[j]] == values[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (positive[order[k]]) {
                    rankSum += midRank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private List<ScoreBacktest.StatusRow> statusRows() {
        int k = statusNames.size();
        long[] n = new long[k], c = new long[k];
        double[] sum = new double[k];
        for (int i = 0; i < size; i++) {
            n[statuses[i]]++;
            c[statuses[i]] += converted[i] ? 1 : 0;
            sum[statuses[i]] += values[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(sum[b] / n[b], sum[a] / n[a]));
        return order.stream().map(i -> new ScoreBacktest.StatusRow(statusNames.get(i), n[i], c[i])).toList();
    }

    /** Tenths by value, highest first; among equal values the earlier example (snapshot, then record) first. */
    private List<ScoreBacktest.Decile> deciles(long positives) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double overall = size == 0 ? Double.NaN : (double) positives / size;
        List<ScoreBacktest.Decile> out = new ArrayList<>();
        for (int d = 0; d < 10 && size > 0; d++) {
            int from = (int) ((long) size * d / 10), to = (int) ((long) size * (d + 1) / 10);
            if (from == to) {
                continue;
            }
            long conv = 0;
            for (int i = from; i < to; i++) {
                conv += converted[order[i]] ? 1 : 0;
            }
            double rate = (double) conv / (to - from);
            out.add(new ScoreBacktest.Decile(d + 1, values[order[to - 1]], values[order[from]], to - from, conv,
                    overall == 0 ? Double.NaN : rate / overall));
        }
        return out;
    }
}
