package dev.scoreline.cli;

import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * How one score's values spread over the records: count, min, max, mean, quartiles, a histogram
 * and the count per status. Kept in bounded memory: values as doubles in a growable array.
 */
final class Distribution {

    final String score;
    private double[] values = new double[1024];
    private int count;
    private double sum;
    /** Count per status in the definition's order, worst first, zero for a status no record has. */
    final Map<String, Long> statuses = new LinkedHashMap<>();
    final List<String> statusOrder;
    final Map<String, double[]> groupSums = new LinkedHashMap<>();

    Distribution(String score, List<String> statusOrder) {
        this.score = score;
        this.statusOrder = List.copyOf(statusOrder);
        statusOrder.forEach(s -> statuses.put(s, 0L));
    }

    /** The group's average over the scored records. */
    double groupAverage(String group) {
        return count == 0 ? 0 : groupSums.get(group)[0] / count;
    }

    void add(ScoreResult r) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        double v = r.value().doubleValue();
        values[count++] = v;
        sum += v;
        statuses.merge(r.status(), 1L, Long::sum);
        for (Map.Entry<String, BigDecimal> g : r.groups().entrySet()) {
            groupSums.computeIfAbsent(g.getKey(), k -> new double[1])[0] += g.getValue().doubleValue();
        }
    }

    int count() {
        return count;
    }

    private double[] sorted() {
        double[] s = Arrays.copyOf(values, count);
        Arrays.sort(s);
        return s;
    }

    double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** min, p25, median, p75, max (nearest rank). */
    double[] quantiles() {
        if (count == 0) {
            return new double[5];
        }
        double[] s = sorted();
        return new double[] {s[0], rank(s, 0.25), rank(s, 0.5), rank(s, 0.75), s[count - 1]};
    }

    /** The nearest-rank quantile {@code q} of sorted values (not empty). */
    static double rank(double[] s, double q) {
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** {@code buckets} equal-width bins between min and max: their lower bounds and counts. */
    Histogram histogram(int buckets) {
        double[] q = quantiles();
        return histogram(buckets, q[0], q[4]);
    }

    /**
     * {@code buckets} equal-width bins between {@code lo} and {@code hi} (which hold every value):
     * two distributions binned alike can be drawn side by side.
     */
    Histogram histogram(int buckets, double lo, double hi) {
        double width = hi > lo ? (hi - lo) / buckets : 1;
        long[] counts = new long[hi > lo ? buckets : 1];
        for (int i = 0; i < count; i++) {
            int b = (int) ((values[i] - lo) / width);
            counts[Math.min(counts.length - 1, Math.max(0, b))]++;
        }
        return new Histogram(lo, width, counts);
    }

    record Histogram(double low, double width, long[] counts) {

        /** The count of the fullest bin (0 when every bin is empty). */
        long tallest() {
            return Arrays.stream(counts).max().orElse(0);
        }
    }
}
