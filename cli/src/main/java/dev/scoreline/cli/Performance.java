package dev.scoreline.cli;

import dev.scoreline.engine.Explanation;
import dev.scoreline.store.MonthlyValue;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one score performed over the stored history: per month how many records held each status
 * (the status at the end of the month), how many moved to a better or a worse status than the
 * month before, and which rules gave the most points across the records today.
 */
final class Performance {

    final String score;
    final List<String> statusOrder;
    /** Per month, the count per status in {@link #statusOrder}. */
    final TreeMap<YearMonth, long[]> perMonth = new TreeMap<>();
    final TreeMap<YearMonth, long[]> moves = new TreeMap<>();
    private final Map<String, RuleTotal> rules = new LinkedHashMap<>();

    /** A rule's points summed over the records, and on how many records it held. */
    record RuleTotal(String rule, int line, BigDecimal points, long records) { }

    Performance(String score, List<String> statusOrder) {
        this.score = score;
        this.statusOrder = List.copyOf(statusOrder);
    }

    /**
     * Adds a record's monthly trend: its status each month, and whether it moved up or down. The
     * trend ends with the record's last change; its last status holds on until {@code until}.
     */
    void addTrend(List<MonthlyValue> trend, YearMonth until) {
        List<MonthlyValue> months = new ArrayList<>(trend);
        if (!months.isEmpty()) {
            MonthlyValue last = months.get(months.size() - 1);
            for (YearMonth m = last.month().plusMonths(1); !m.isAfter(until); m = m.plusMonths(1)) {
                months.add(new MonthlyValue(m, last.value(), last.status()));
            }
        }
        int before = -1;
        for (MonthlyValue m : months) {
            int rank = m.status() == null ? -1 : statusOrder.indexOf(m.status());
            if (rank >= 0) {
                perMonth.computeIfAbsent(m.month(), k -> new long[statusOrder.size()])[rank]++;
                if (before >= 0 && rank != before) {
                    moves.computeIfAbsent(m.month(), k -> new long[2])[rank > before ? 0 : 1]++;
                }
            }
            before = rank;
        }
    }

    /** Adds what each rule gave one record, from its explanation. */
    void addExplanation(Explanation.ScoreExplanation s) {
        for (Explanation.GroupExplanation g : s.groups()) {
            for (Explanation.RuleExplanation r : g.rules()) {
                String id = r.line() + " " + r.rule();
                RuleTotal t = rules.getOrDefault(id, new RuleTotal(r.rule(), r.line(), BigDecimal.ZERO, 0));
                rules.put(id, new RuleTotal(t.rule(), t.line(), t.points().add(r.points()),
                        t.records() + (r.matched() ? 1 : 0)));
            }
        }
    }

    /** The rules by their points across records, most first (by absolute value: a penalty matters too). */
    List<RuleTotal> topRules(int n) {
        List<RuleTotal> all = new ArrayList<>(rules.values());
        all.sort(Comparator.comparing((RuleTotal t) -> t.points().abs()).reversed().thenComparing(RuleTotal::line));
        return all.subList(0, Math.min(n, all.size()));
    }

    long[] movesIn(YearMonth month) {
        return moves.getOrDefault(month, new long[2]);
    }

}
