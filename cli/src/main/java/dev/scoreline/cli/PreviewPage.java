package dev.scoreline.cli;

import java.util.Collection;
import java.util.Locale;

/** The HTML page of {@code scoreline preview --html}: one self-contained file, no script. */
final class PreviewPage {

    private PreviewPage() { }

    static String render(Collection<Distribution> scores, int buckets, String asOf) {
        StringBuilder h = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Scoreline preview</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}
                h2{margin-top:2rem} table{border-collapse:collapse} td,th{padding:.2rem .6rem;text-align:right}
                th{text-align:left} .bar{background:#3a7bd5;height:1rem;display:inline-block}
                .muted{color:#6b7785}
                </style></head><body>
                """);
        h.append("<h1>Score preview</h1><p class=muted>as of ").append(esc(asOf)).append("</p>");
        for (Distribution d : scores) {
            h.append("<h2>").append(esc(d.score)).append("</h2><p>").append(d.count()).append(" records scored</p>");
            if (d.count() == 0) {
                continue;
            }
            double[] q = d.quantiles();
            h.append("<table><tr><th>min</th><th>p25</th><th>median</th><th>p75</th><th>max</th><th>mean</th></tr><tr>");
            for (double v : new double[] {q[0], q[1], q[2], q[3], q[4], d.mean()}) {
                h.append("<td>").append(PreviewCommand.num(v)).append("</td>");
            }
            h.append("</tr></table><h3>Statuses</h3><table>");
            d.statuses.forEach((s, n) -> h.append("<tr><th>").append(esc(s)).append("</th><td>").append(n)
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f%%", 100.0 * n / d.count()))
                    .append("</td><td><span class=bar style=\"width:").append(Math.round(300.0 * n / d.count()))
                    .append("px\"></span></td></tr>"));
            h.append("</table><h3>Values</h3><table>");
            Distribution.Histogram hist = d.histogram(buckets);
            long max = 1;
            for (long c : hist.counts()) {
                max = Math.max(max, c);
            }
            for (int i = 0; i < hist.counts().length; i++) {
                double lo = hist.low() + i * hist.width();
                h.append("<tr><th>").append(PreviewCommand.num(lo)).append(" – ")
                        .append(PreviewCommand.num(lo + hist.width())).append("</th><td>").append(hist.counts()[i])
                        .append("</td><td><span class=bar style=\"width:")
                        .append(Math.round(300.0 * hist.counts()[i] / max)).append("px\"></span></td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
