package dev.scoreline.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTML page of {@code scoreline report --html}: stacked status bars per month, moves, top rules. */
final class ReportPage {

    private ReportPage() { }

    static String render(List<Performance> report) {
        StringBuilder h = Html.page("Score performance report", "records per status at the end of each month (UTC), "
                + "from the store's history");
        for (Performance p : report) {
            h.append("<section class=\"score\" data-score=\"").append(Html.esc(p.score)).append("\"><h2>")
                    .append(Html.esc(p.score)).append("</h2>\n<p class=\"legend\">");
            p.statusOrder.forEach(s -> h.append(Html.chip(s, p.statusOrder)).append(' '));
            h.append("</p>\n<h3>Records per status</h3>\n");
            List<String> rows = new ArrayList<>();
            List<List<Charts.Segment>> segments = new ArrayList<>();
            for (Map.Entry<YearMonth, long[]> m : p.perMonth.entrySet()) {
                rows.add(m.getKey().toString());
                List<Charts.Segment> row = new ArrayList<>();
                for (int i = 0; i < p.statusOrder.size(); i++) {
                    row.add(new Charts.Segment(p.statusOrder.get(i), m.getValue()[i],
                            Html.colour(p.statusOrder.get(i), p.statusOrder)));
                }
                segments.add(row);
            }
            h.append(Charts.stacked("months", rows, segments));
            moves(p, h);
            rules(p, h);
            h.append("</section>\n");
        }
        return Html.end(h);
    }

    private static void moves(Performance p, StringBuilder h) {
        h.append("<h3>Moved up or down</h3>\n<table class=\"moves\"><tr><th>month</th><th class=n>to a better status</th>")
                .append("<th class=n>to a worse status</th></tr>");
        for (YearMonth m : p.perMonth.keySet()) {
            long[] moves = p.movesIn(m);
            h.append("<tr><td>").append(m).append("</td><td class=n>").append(moves[0]).append("</td><td class=n>")
                    .append(moves[1]).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void rules(Performance p, StringBuilder h) {
        h.append("<h3>Rules that gave the most points</h3>\n<table class=\"rules\"><tr><th class=n>points</th>")
                .append("<th class=n>records</th><th>rule</th></tr>");
        for (Performance.RuleTotal t : p.topRules(ReportCommand.TOP_RULES)) {
            h.append("<tr><td class=n>").append(PreviewCommand.num(t.points().doubleValue())).append("</td><td class=n>")
                    .append(t.records()).append("</td><td>line ").append(t.line()).append(": ").append(Html.esc(t.rule()))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
    }
}
