package dev.scoreline.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML page of {@code scoreline preview --against … --html}: the review before a score is
 * turned on, with the numbers of the text. Statuses before and after as stacked bars, the
 * from × to table, the value shift, the records that move most and both histograms on one scale.
 * One offline file with the preview page's stylesheet and charts; every value escaped.
 */
final class WhatIfPage {

    private static final String UP = "hsl(140,68%,40%)";
    private static final String DOWN = "hsl(4,68%,40%)";
    private static final String SAME = "#8a949e";
    private static final String BEFORE = "#8a949e";
    private static final String AFTER = "#3a6fb0";

    private WhatIfPage() { }

    static String render(Collection<WhatIf> scores, String against, int buckets, String asOf) {
        StringBuilder h = Html.page("Score what-if", "as of " + asOf + ", against " + against);
        for (WhatIf w : scores) {
            long[] betterWorse = w.betterWorse();
            h.append("<section class=\"score whatif\" data-score=\"").append(Html.esc(w.score)).append("\"><h2>")
                    .append(Html.esc(w.score)).append("</h2><p><span class=\"changed\">").append(w.statusChanges())
                    .append("</span> of <span class=\"records\">").append(w.records())
                    .append("</span> records change status: ").append(betterWorse[0]).append(" to a better one, ")
                    .append(betterWorse[1]).append(" to a worse one</p>\n");
            statuses(w, h);
            moves(w, h);
            shift(w, h);
            mostMoved(w, h);
            values(w, buckets, h);
            h.append("</section>\n");
        }
        return Html.end(h);
    }

    private static void statuses(WhatIf w, StringBuilder h) {
        List<List<Charts.Segment>> rows = new ArrayList<>();
        for (Distribution d : new Distribution[] {w.before, w.after}) {
            List<Charts.Segment> row = new ArrayList<>();
            d.statuses.forEach((s, n) -> row.add(new Charts.Segment(s, n, Html.colour(s, d.statusOrder))));
            rows.add(row);
        }
        h.append("<h3>Statuses before and after</h3>\n<p class=\"legend\">");
        w.after.statusOrder.forEach(s -> h.append(Html.chip(s, w.after.statusOrder)).append(' '));
        h.append("</p>\n").append(Charts.stacked("statuses", List.of("before", "after"), rows));
    }

    private static void moves(WhatIf w, StringBuilder h) {
        Map<String, Map<String, Long>> moves = w.moves();
        Map<String, Long> columns = moves.values().iterator().next();
        h.append("<h3>From → to</h3>\n<table class=\"moves\"><tr><th>before \\ after</th>");
        columns.keySet().forEach(to -> h.append("<th class=n>").append(Html.chip(to, w.after.statusOrder)).append("</th>"));
        h.append("<th class=n>total</th></tr>");
        long[] totals = new long[columns.size()];
        moves.forEach((from, row) -> {
            h.append("<tr><th>").append(Html.chip(from, w.before.statusOrder)).append("</th>");
            int i = 0;
            for (Map.Entry<String, Long> cell : row.entrySet()) {
                h.append("<td class=\"n").append(cell.getKey().equals(from) ? " same" : "").append("\" data-from=\"")
                        .append(Html.esc(from)).append("\" data-to=\"").append(Html.esc(cell.getKey())).append("\">")
                        .append(cell.getValue()).append("</td>");
                totals[i++] += cell.getValue();
            }
            h.append("<td class=n>").append(row.values().stream().mapToLong(Long::longValue).sum()).append("</td></tr>");
        });
        h.append("<tr><th>total</th>");
        for (long n : totals) {
            h.append("<td class=n>").append(n).append("</td>");
        }
        h.append("<td class=n>").append(w.records()).append("</td></tr></table>\n");
    }

    private static void shift(WhatIf w, StringBuilder h) {
        h.append("<h3>Value shift</h3>\n<table class=\"spread\"><tr><th class=n>mean before</th><th class=n>mean after</th>")
                .append("<th class=n>mean shift</th><th class=n>median shift</th></tr><tr><td class=n>")
                .append(PreviewCommand.num(w.before.mean())).append("</td><td class=n>").append(PreviewCommand.num(w.after.mean()))
                .append("</td><td class=n>").append(WhatIfText.signed(w.meanChange())).append("</td><td class=n>")
                .append(WhatIfText.signed(w.medianChange())).append("</td></tr></table>\n");
        List<Charts.Bar> bars = List.of(shiftBar("up", w.up(), UP, w.paired()), shiftBar("unchanged", w.unchanged(), SAME,
                w.paired()), shiftBar("down", w.down(), DOWN, w.paired()));
        h.append(Charts.bars("shift", bars));
    }

    private static Charts.Bar shiftBar(String label, long n, String colour, long of) {
        String share = String.format(Locale.ROOT, "%.1f%%", of == 0 ? 0.0 : 100.0 * n / of);
        return new Charts.Bar(label, n, n + " (" + share + ")", colour, label + ": " + n + " records, " + share);
    }

    private static void mostMoved(WhatIf w, StringBuilder h) {
        h.append("<h3>Records that move most</h3>\n");
        if (w.mostMoved().isEmpty()) {
            h.append("<p class=\"muted\">None: every record keeps its value and status.</p>\n");
            return;
        }
        h.append("<table class=\"movers\"><tr><th>record</th><th class=n>before</th><th></th><th class=n>after</th>")
                .append("<th></th><th class=n>change</th></tr>");
        for (WhatIf.Move m : w.mostMoved()) {
            h.append("<tr data-record=\"").append(Html.esc(m.record())).append("\"><td class=nw>").append(Html.esc(m.record()))
                    .append("</td><td class=n>").append(PreviewCommand.num(m.before().doubleValue())).append("</td><td>")
                    .append(Html.chip(m.beforeStatus(), w.before.statusOrder)).append("</td><td class=n>")
                    .append(PreviewCommand.num(m.after().doubleValue())).append("</td><td>")
                    .append(Html.chip(m.afterStatus(), w.after.statusOrder)).append("</td><td class=n>")
                    .append(WhatIfText.signed(m.change().doubleValue())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /** Both histograms on the same bins and the same scale: a longer bar is more records in either. */
    private static void values(WhatIf w, int buckets, StringBuilder h) {
        Distribution.Histogram[] hist = w.histograms(buckets);
        long max = Math.max(hist[0].tallest(), hist[1].tallest());
        String[] names = {"before", "after"};
        String[] colours = {BEFORE, AFTER};
        for (int side = 0; side < 2; side++) {
            h.append("<h3>Values ").append(names[side]).append("</h3>\n").append(Charts.bars("values-" + names[side],
                    PreviewPage.histogramBars(hist[side], colours[side], " " + names[side]), max));
        }
    }
}
