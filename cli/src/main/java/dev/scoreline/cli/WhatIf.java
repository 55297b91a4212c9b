package dev.scoreline.cli;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One score scored by two definitions over the same records, before (the one that runs, or an
 * earlier file) and after (the one being previewed): how many records go from each status to each
 * other, how the values shift, which records move most, and both distributions. A record only one
 * side scores (its scope changed) goes from or to {@link #NOT_SCORED}. Feed every result of the
 * before side first, then those of the after side, then call {@link #finish()}.
 */
final class WhatIf {

    /** The row and column of records the other side does not score. */
    static final String NOT_SCORED = "not scored";

    /**
     * A record scored on both sides whose value or status changed.
     *
     * @param change after minus before
     */
    record Move(RecordKey record, BigDecimal before, String beforeStatus, BigDecimal after, String afterStatus,
                BigDecimal change) {
        boolean statusChanged() {
            return !beforeStatus.equals(afterStatus);
        }
    }

    /** Most moved first: the largest change, then a change of status, then by record. */
    static final Comparator<Move> MOST_FIRST = Comparator.comparing((Move m) -> m.change().abs()).reversed()
            .thenComparing(Move::statusChanged, Comparator.reverseOrder()).thenComparing(Move::record);

    final String score;
    final Distribution before;
    final Distribution after;
    private final int top;
    private final Map<RecordKey, ScoreResult> unpaired = new HashMap<>();
    /** from status → to status → records, rows and columns in the definitions' orders, worst first. */
    private final Map<String, Map<String, Long>> moves = new LinkedHashMap<>();
    private final PriorityQueue<Move> most;
    private double[] changes = new double[1024];
    private int paired;
    private BigDecimal changeSum = BigDecimal.ZERO;
    private long up;
    private long down;
    private List<Move> mostMoved;

    WhatIf(String score, List<String> beforeOrder, List<String> afterOrder, int top) {
        this.score = score;
        this.before = new Distribution(score, beforeOrder);
        this.after = new Distribution(score, afterOrder);
        this.top = top;
        this.most = new PriorityQueue<>(MOST_FIRST.reversed());
        for (String from : withNotScored(beforeOrder)) {
            Map<String, Long> row = new LinkedHashMap<>();
            withNotScored(afterOrder).forEach(to -> row.put(to, 0L));
            moves.put(from, row);
        }
    }

    private static List<String> withNotScored(List<String> order) {
        List<String> out = new ArrayList<>(order);
        out.add(NOT_SCORED);
        return out;
    }

    void addBefore(ScoreResult r) {
        before.add(r);
        unpaired.put(r.record(), r);
    }

    void addAfter(ScoreResult r) {
        after.add(r);
        ScoreResult old = unpaired.remove(r.record());
        count(old == null ? NOT_SCORED : old.status(), r.status());
        if (old == null) {
            return;
        }
        BigDecimal change = r.value().subtract(old.value());
        if (paired == changes.length) {
            changes = Arrays.copyOf(changes, paired * 2);
        }
        changes[paired++] = change.doubleValue();
        changeSum = changeSum.add(change);
        up += change.signum() > 0 ? 1 : 0;
        down += change.signum() < 0 ? 1 : 0;
        if (change.signum() != 0 || !old.status().equals(r.status())) {
            most.add(new Move(r.record(), old.value(), old.status(), r.value(), r.status(), change));
            if (most.size() > top) {
                most.poll();
            }
        }
    }

    /** The before side's records the after side did not score leave to {@link #NOT_SCORED}. */
    void finish() {
        unpaired.values().forEach(old -> count(old.status(), NOT_SCORED));
        unpaired.clear();
        mostMoved = most.stream().sorted(MOST_FIRST).toList();
    }

    private void count(String from, String to) {
        moves.computeIfAbsent(from, k -> new LinkedHashMap<>()).merge(to, 1L, Long::sum);
    }

    /** Rows (before) → columns (after) → records; {@link #NOT_SCORED} is left out where no record is. */
    Map<String, Map<String, Long>> moves() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        List<String> columns = moves.values().stream().flatMap(row -> row.keySet().stream()).distinct()
                .filter(to -> !NOT_SCORED.equals(to) || moves.values().stream().anyMatch(row -> row.getOrDefault(to, 0L) > 0))
                .toList();
        moves.forEach((from, row) -> {
            if (!NOT_SCORED.equals(from) || row.values().stream().anyMatch(n -> n > 0)) {
                Map<String, Long> kept = new LinkedHashMap<>();
                columns.forEach(to -> kept.put(to, row.getOrDefault(to, 0L)));
                out.put(from, kept);
            }
        });
        return out;
    }

    /** Every record either side scores: the table's total. */
    long records() {
        return moves.values().stream().flatMap(row -> row.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Records whose status differs, counting a record that enters or leaves the score. */
    long statusChanges() {
        long same = 0;
        for (Map.Entry<String, Map<String, Long>> row : moves.entrySet()) {
            same += NOT_SCORED.equals(row.getKey()) ? 0 : row.getValue().getOrDefault(row.getKey(), 0L);
        }
        return records() - same;
    }

    /**
     * Records that change to a better and to a worse status, by the after side's order (worst
     * first); a status that order does not have, or not being scored, counts as neither.
     */
    long[] betterWorse() {
        List<String> order = after.statusOrder;
        long[] out = new long[2];
        moves.forEach((from, row) -> row.forEach((to, n) -> {
            int a = order.indexOf(from);
            int b = order.indexOf(to);
            if (a >= 0 && b >= 0 && a != b) {
                out[b > a ? 0 : 1] += n;
            }
        }));
        return out;
    }

    /** Records scored on both sides. */
    int paired() {
        return paired;
    }

    long up() {
        return up;
    }

    long down() {
        return down;
    }

    long unchanged() {
        return paired - up - down;
    }

    /** The mean of after minus before over the records both sides score. */
    double meanChange() {
        return paired == 0 ? 0 : changeSum.doubleValue() / paired;
    }

    /** The median (nearest rank, like the preview's) of after minus before. */
    double medianChange() {
        if (paired == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(changes, paired);
        Arrays.sort(sorted);
        return Distribution.rank(sorted, 0.5);
    }

    /** At most {@code top} records whose value or status moved, the most moved first. */
    List<Move> mostMoved() {
        return mostMoved;
    }

    /** Both sides binned alike, over the range of both, so that the two histograms can be compared. */
    Distribution.Histogram[] histograms(int buckets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Distribution d : new Distribution[] {before, after}) {
            if (d.count() > 0) {
                double[] q = d.quantiles();
                lo = Math.min(lo, q[0]);
                hi = Math.max(hi, q[4]);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        return new Distribution.Histogram[] {before.histogram(buckets, lo, hi), after.histogram(buckets, lo, hi)};
    }
}
