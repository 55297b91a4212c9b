package dev.scoreline.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The HTML page of {@code scoreline preview --html}: one self-contained file, no script, the same
 * numbers as the text: the spread, the statuses in the definition's order, the histogram and the
 * group averages.
 */
final class PreviewPage {

    private PreviewPage() { }

    static String render(Collection<Distribution> scores, int buckets, String asOf) {
        StringBuilder h = Html.page("Score preview", "as of " + asOf);
        for (Distribution d : scores) {
            h.append("<section class=\"score\" data-score=\"").append(Html.esc(d.score)).append("\"><h2>")
                    .append(Html.esc(d.score)).append("</h2><p><span class=\"scored\">").append(d.count())
                    .append("</span> records scored</p>\n");
            if (d.count() > 0) {
                spread(d, h);
                statuses(d, h);
                values(d, buckets, h);
                groups(d, h);
            }
            h.append("</section>\n");
        }
        return Html.end(h);
    }

    private static void spread(Distribution d, StringBuilder h) {
        double[] q = d.quantiles();
        h.append("<table class=\"spread\"><tr><th class=n>min</th><th class=n>p25</th><th class=n>median</th>")
                .append("<th class=n>p75</th><th class=n>max</th><th class=n>mean</th></tr><tr>");
        for (double v : new double[] {q[0], q[1], q[2], q[3], q[4], d.mean()}) {
            h.append("<td class=n>").append(PreviewCommand.num(v)).append("</td>");
        }
        h.append("</tr></table>\n");
    }

    private static void statuses(Distribution d, StringBuilder h) {
        List<Charts.Bar> bars = new ArrayList<>();
        d.statuses.forEach((s, n) -> {
            String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * n / d.count());
            bars.add(new Charts.Bar(s, n, n + " (" + share + ")", Html.colour(s, d.statusOrder),
                    s + ": " + n + " records, " + share));
        });
        h.append("<h3>Statuses</h3>\n").append(Charts.bars("statuses", bars));
    }

    private static void values(Distribution d, int buckets, StringBuilder h) {
        h.append("<h3>Values</h3>\n").append(Charts.bars("histogram", histogramBars(d.histogram(buckets), "#3a6fb0", "")));
    }

    /** A histogram's bins as bars labelled with their ranges; {@code side} ends each hover text (" before"). */
    static List<Charts.Bar> histogramBars(Distribution.Histogram hist, String colour, String side) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < hist.counts().length; i++) {
            double lo = hist.low() + i * hist.width();
            String range = PreviewCommand.num(lo) + " – " + PreviewCommand.num(lo + hist.width());
            long n = hist.counts()[i];
            bars.add(new Charts.Bar(range, n, Long.toString(n), colour, range + ": " + n + " records" + side));
        }
        return bars;
    }

    private static void groups(Distribution d, StringBuilder h) {
        h.append("<h3>Group averages</h3>\n<table class=\"groups\">");
        d.groupSums.keySet().forEach(g -> h.append("<tr><th>").append(Html.esc(g)).append("</th><td class=n>")
                .append(PreviewCommand.num(d.groupAverage(g))).append("</td></tr>"));
        h.append("</table>\n");
    }
}
