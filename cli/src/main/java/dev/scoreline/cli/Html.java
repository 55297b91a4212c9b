package dev.scoreline.cli;

import java.util.List;
import java.util.Locale;

/**
 * What every HTML page of the command line shares: one small stylesheet, the page shell, the
 * colours of statuses and the one function that escapes values. Pages are single offline files:
 * no script, no font or image from elsewhere.
 */
final class Html {

    private Html() { }

    /** The one stylesheet, inlined into every page; print-friendly (no backgrounds needed to read). */
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:62rem;
             padding:0 1rem;color:#1d2733;line-height:1.4}
            h1{font-size:1.6rem;margin:0 0 .2rem} h2{font-size:1.25rem;margin:2rem 0 .4rem;
             border-bottom:1px solid #d5dbe1;padding-bottom:.2rem} h3{font-size:1rem;margin:1.2rem 0 .3rem}
            table{border-collapse:collapse;margin:.3rem 0} td,th{padding:.2rem .7rem;text-align:left;
             border-bottom:1px solid #eef1f4;vertical-align:top} td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            td.nw{white-space:nowrap} table.moves td.same{font-weight:700} .muted{color:#5d6975} .status{display:inline-block;padding:0 .45rem;border-radius:.6rem;color:#fff;
             font-weight:600;print-color-adjust:exact;-webkit-print-color-adjust:exact}
            .value{font-size:2rem;font-weight:700;margin-right:.6rem}
            svg.chart{display:block;max-width:100%;height:auto;font-size:12px;print-color-adjust:exact;
             -webkit-print-color-adjust:exact} svg.chart text{fill:#1d2733} svg.chart .axis{stroke:#5d6975}
            svg.chart .grid{stroke:#e3e7eb} .legend span{margin-right:1rem}
            @media print{body{margin:0;max-width:none} h2{break-after:avoid} svg.chart{break-inside:avoid}}
            """;

    /** The start of a page, up to and including the open body and its heading. */
    static StringBuilder page(String title, String subtitle) {
        return new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1><p class=\"muted\">").append(esc(subtitle)).append("</p>\n");
    }

    static String end(StringBuilder page) {
        return page.append("</body></html>\n").toString();
    }

    /** Escapes a value for HTML text and attribute values (also SVG); null is the empty text. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The colour of a status from its place in the definition's order ({@code order} worst first):
     * the worst red, the best green, the ones between on the way. Unknown statuses are grey.
     */
    static String colour(String status, List<String> order) {
        int i = order.indexOf(status);
        if (i < 0) {
            return "#8a949e";
        }
        double t = order.size() == 1 ? 1 : (double) i / (order.size() - 1);
        // red (4) to amber (36) to green (140): the middle of three statuses reads as amber, not olive
        long hue = Math.round(t < 0.5 ? 4 + t * 2 * 32 : 36 + (t - 0.5) * 2 * 104);
        return String.format(Locale.ROOT, "hsl(%d,68%%,40%%)", hue);
    }

    /** A status as a coloured chip. */
    static String chip(String status, List<String> order) {
        return "<span class=\"status\" style=\"background:" + colour(status, order) + "\">" + esc(status) + "</span>";
    }
}
