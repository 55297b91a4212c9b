package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.learn.Backtest;
import dev.scoreline.learn.ScoreBacktest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The backtest as a page: per score its AUC, a lift chart by decile and conversion per status. */
final class BacktestPage {

    private BacktestPage() { }

    static void write(Path file, Backtest.Result r) {
        try {
            Files.writeString(file, render(r), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, "--html " + file + " cannot be written: " + e.getMessage(),
                    "give --html a file in a folder that exists and can be written", e);
        }
    }

    static String render(Backtest.Result r) {
        StringBuilder h = Html.page("Backtest", BacktestCommand.describe(r));
        h.append("<p class=\"muted\">").append(Html.esc(BacktestCommand.LEAK)).append("</p>\n");
        for (ScoreBacktest b : r.scores()) {
            h.append("<section class=\"score\" data-score=\"").append(Html.esc(b.score())).append("\"><h2>")
                    .append(Html.esc(b.score())).append("</h2>\n<p><span class=\"value\" data-auc=\"")
                    .append(Html.esc(BacktestCommand.num(b.auc()))).append("\">AUC ").append(Html.esc(BacktestCommand.num(b.auc())))
                    .append("</span>").append(Html.esc(b.examples() + " examples, " + b.records() + " records, "
                            + b.snapshots() + " snapshots, " + b.converted() + " converted (" + BacktestCommand.pct(b.rate()) + ")"))
                    .append("</p>\n<h3>Lift per decile (highest values first)</h3>\n");
            List<Charts.Bar> bars = b.deciles().stream().map(d -> new Charts.Bar("decile " + d.decile(),
                    Double.isNaN(d.lift()) ? 0 : d.lift(), BacktestCommand.num(d.lift()) + "×", "#2f6f9f",
                    d.converted() + " of " + d.examples() + " converted (" + BacktestCommand.pct(d.rate()) + ")")).toList();
            h.append(Charts.bars("lift", bars));
            h.append("<h3>Conversion per status</h3>\n<table><tr><th>status</th><th>examples</th><th>converted</th><th>rate</th></tr>\n");
            for (ScoreBacktest.StatusRow s : b.statuses()) {
                h.append("<tr><td>").append(Html.esc(s.status())).append("</td><td>").append(s.examples()).append("</td><td>")
                        .append(s.converted()).append("</td><td>").append(Html.esc(BacktestCommand.pct(s.rate()))).append("</td></tr>\n");
            }
            h.append("</table></section>\n");
        }
        return Html.end(h);
    }
}
