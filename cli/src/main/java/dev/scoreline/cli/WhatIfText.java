package dev.scoreline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The text of {@code scoreline preview --against}: one section per score, the numbers the page draws. */
final class WhatIfText {

    private WhatIfText() { }

    static void print(WhatIf w, String against, int buckets, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Score \"%s\": what-if against %s%n", w.score, against);
        long[] betterWorse = w.betterWorse();
        out.printf(Locale.ROOT, "  %d records scored before, %d after; %d of %d change status (%d to a better one, %d to a "
                + "worse one)%n", w.before.count(), w.after.count(), w.statusChanges(), w.records(), betterWorse[0], betterWorse[1]);
        moves(w, out);
        out.printf(Locale.ROOT, "  values: mean %s → %s, mean shift %s, median shift %s; %d up, %d down, %d unchanged%n",
                PreviewCommand.num(w.before.mean()), PreviewCommand.num(w.after.mean()), signed(w.meanChange()),
                signed(w.medianChange()), w.up(), w.down(), w.unchanged());
        out.println("  records that move most:");
        if (w.mostMoved().isEmpty()) {
            out.println("    none: every record keeps its value and status");
        }
        for (WhatIf.Move m : w.mostMoved()) {
            out.printf(Locale.ROOT, "    %-16s %8s %-12s → %8s %-12s %8s%n", m.record(), PreviewCommand.num(m.before().doubleValue()),
                    m.beforeStatus(), PreviewCommand.num(m.after().doubleValue()), m.afterStatus(),
                    signed(m.change().doubleValue()));
        }
        histograms(w, buckets, out);
    }

    /** The from × to table: rows before, columns after, totals on both. */
    private static void moves(WhatIf w, PrintWriter out) {
        Map<String, Map<String, Long>> moves = w.moves();
        Map<String, Long> columns = moves.values().iterator().next();
        int width = Math.max(8, columns.keySet().stream().mapToInt(String::length).max().orElse(0)) + 2;
        int first = Math.max(16, moves.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.println("  statuses, before (rows) → after (columns):");
        out.printf(Locale.ROOT, "    %-" + first + "s", "before \\ after");
        columns.keySet().forEach(to -> out.printf(Locale.ROOT, "%" + width + "s", to));
        out.printf(Locale.ROOT, "%" + width + "s%n", "total");
        long[] totals = new long[columns.size()];
        moves.forEach((from, row) -> {
            out.printf(Locale.ROOT, "    %-" + first + "s", from);
            int i = 0;
            for (long n : row.values()) {
                out.printf(Locale.ROOT, "%" + width + "d", n);
                totals[i++] += n;
            }
            out.printf(Locale.ROOT, "%" + width + "d%n", row.values().stream().mapToLong(Long::longValue).sum());
        });
        out.printf(Locale.ROOT, "    %-" + first + "s", "total");
        for (long n : totals) {
            out.printf(Locale.ROOT, "%" + width + "d", n);
        }
        out.printf(Locale.ROOT, "%" + width + "d%n", w.records());
    }

    private static void histograms(WhatIf w, int buckets, PrintWriter out) {
        Distribution.Histogram[] h = w.histograms(buckets);
        long max = Math.max(1, Math.max(h[0].tallest(), h[1].tallest()));
        out.printf(Locale.ROOT, "  values before and after:%n    %-22s %8s %-20s %8s%n", "", "before", "", "after");
        for (int i = 0; i < h[0].counts().length; i++) {
            double lo = h[0].low() + i * h[0].width();
            long b = h[0].counts()[i];
            long a = h[1].counts()[i];
            out.printf(Locale.ROOT, "    %9s .. %-9s %8d %-20s %8d %s%n", PreviewCommand.num(lo),
                    PreviewCommand.num(lo + h[0].width()), b, "#".repeat((int) Math.round(20.0 * b / max)), a,
                    "#".repeat((int) Math.round(20.0 * a / max)));
        }
    }

    /** A change with its sign: +2.5, -3, 0. */
    static String signed(double v) {
        String s = PreviewCommand.num(v);
        return s.equals("-0") ? "0" : v > 0 && !s.equals("0") ? "+" + s : s;
    }
}
