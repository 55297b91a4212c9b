package dev.scoreline.cli;

import dev.scoreline.api.RecordKey;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.MonthlyValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML page of {@code scoreline card --html}: per score the value and status, the latest
 * changes with their causes, the monthly trend (line) and the score history (steps whose marks
 * show the cause on hover). One offline file, no script.
 */
final class CardPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private CardPage() { }

    static String render(RecordKey record, List<CardCommand.ScoreCard> cards) {
        StringBuilder h = Html.page("Record card: " + record, cards.isEmpty() ? "no history in the store"
                : cards.size() + (cards.size() == 1 ? " score" : " scores") + " from the store's history");
        for (CardCommand.ScoreCard c : cards) {
            h.append("<section class=\"score\" data-score=\"").append(Html.esc(c.score())).append("\"><h2>")
                    .append(Html.esc(c.score())).append("</h2>\n");
            current(c, h);
            adjustments(c, h);
            legend(c, h);
            h.append("<h3>Monthly trend</h3><p class=\"muted\">the value at the end of each month (UTC)</p>\n")
                    .append(Charts.line("trend", trend(c)));
            h.append("<h3>Score history</h3><p class=\"muted\">every change; hover a mark for its cause</p>\n")
                    .append(Charts.steps("history", history(c)));
            latest(c, h);
            h.append("</section>\n");
        }
        return Html.end(h);
    }

    private static void current(CardCommand.ScoreCard c, StringBuilder h) {
        HistoryEntry last = c.last();
        h.append("<p class=\"current\">");
        if (last.removed()) {
            h.append("<span class=\"value\">–</span> no value: ").append(Html.esc(CardCommand.cause(last)));
        } else {
            h.append("<span class=\"value\">").append(Html.esc(last.newValue().toPlainString())).append("</span>")
                    .append(Html.chip(last.newStatus(), c.statusOrder()));
        }
        h.append(" <span class=\"muted\">since ").append(DAY.format(last.at())).append("</span></p>\n");
    }

    private static void adjustments(CardCommand.ScoreCard c, StringBuilder h) {
        if (c.adjustments().isEmpty()) {
            return;
        }
        h.append("<h3>Adjustments</h3>\n<ul class=\"adjustments\">");
        c.adjustments().forEach(a -> h.append("<li>").append(Html.esc(CardCommand.adjustmentText(a))).append("</li>"));
        h.append("</ul>\n");
    }

    private static void latest(CardCommand.ScoreCard c, StringBuilder h) {
        h.append("<h3>Latest changes</h3>\n<table class=\"changes\"><tr><th>when</th><th class=n>from</th>")
                .append("<th class=n>to</th><th>because</th></tr>");
        for (HistoryEntry e : CardCommand.latest(c)) {
            h.append("<tr><td class=nw>").append(DAY.format(e.at())).append("</td><td class=\"n nw\">")
                    .append(Html.esc(HistoryCommand.valueText(e.oldValue(), e.oldStatus()))).append("</td><td class=\"n nw\">")
                    .append(Html.esc(HistoryCommand.valueText(e.newValue(), e.newStatus()))).append("</td><td>")
                    .append(Html.esc(CardCommand.cause(e))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static List<Charts.Point> trend(CardCommand.ScoreCard c) {
        List<Charts.Point> points = new ArrayList<>();
        for (MonthlyValue m : c.trend()) {
            if (m.value() != null) {
                points.add(new Charts.Point(m.month().toString(), m.value().doubleValue(),
                        Html.colour(m.status(), c.statusOrder()), m.month() + ": " + m.value().toPlainString() + " "
                        + m.status()));
            }
        }
        return points;
    }

    private static List<Charts.Point> history(CardCommand.ScoreCard c) {
        List<Charts.Point> points = new ArrayList<>();
        for (HistoryEntry e : c.history()) {
            if (!e.removed()) {
                points.add(new Charts.Point(DAY.format(e.at()), e.newValue().doubleValue(),
                        Html.colour(e.newStatus(), c.statusOrder()), DAY.format(e.at()) + ": "
                        + HistoryCommand.valueText(e.oldValue(), e.oldStatus()) + " → "
                        + HistoryCommand.valueText(e.newValue(), e.newStatus()) + "\nbecause " + CardCommand.cause(e)));
            }
        }
        return points;
    }

    private static void legend(CardCommand.ScoreCard c, StringBuilder h) {
        h.append("<p class=\"legend muted\">statuses, worst to best: ");
        for (String s : c.statusOrder()) {
            h.append(Html.chip(s, c.statusOrder())).append(' ');
        }
        h.append("</p>\n");
    }
}
