package dev.scoreline.cli;

import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Preview a score before activating it: how values and statuses spread over all records.")
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the preview as an HTML page.")
    Path html;

    @Option(names = "--buckets", defaultValue = "10", description = "Histogram bars (default 10).")
    int buckets;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        DataOptions.Loaded loaded = options.load("preview", err);
        ScoreEngine engine = loaded.engine();
        CompiledScores scores = loaded.scores();
        ScoringData data = loaded.data();
        Map<String, Distribution> byScore = new LinkedHashMap<>();
        for (ScoreDefinition d : scores.definitions()) {
            byScore.put(d.name(), new Distribution(d.name()));
        }
        var summary = engine.score(data, options.now(), r -> byScore.get(r.score()).add(r));
        for (Distribution d : byScore.values()) {
            printText(d, out);
        }
        out.printf(Locale.ROOT, "%n%d records read; %d out of scope%n", data.recordsRead(),
                summary.recordsOutOfScope());
        if (html != null) {
            try {
                Files.writeString(html, PreviewPage.render(byScore.values(), buckets, options.now().toString()),
                        StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new dev.scoreline.api.ScorelineException(dev.scoreline.api.ErrorCode.OUTPUT_UNWRITABLE,
                        "--html " + html + " cannot be written: " + e.getMessage(),
                        "give --html a file in a folder that exists and can be written", e);
            }
            out.println("wrote " + html);
        }
        out.flush();
        return Main.OK;
    }

    private void printText(Distribution d, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Score \"%s\": %d records scored%n", d.score, d.count());
        if (d.count() == 0) {
            return;
        }
        double[] q = d.quantiles();
        out.printf(Locale.ROOT, "  min %s  p25 %s  median %s  p75 %s  max %s  mean %s%n", num(q[0]), num(q[1]),
                num(q[2]), num(q[3]), num(q[4]), num(d.mean()));
        out.println("  statuses:");
        d.statuses.forEach((s, n) -> out.printf(Locale.ROOT, "    %-12s %8d  %5.1f%%%n", s, n,
                100.0 * n / d.count()));
        out.println("  values:");
        Distribution.Histogram h = d.histogram(buckets);
        long max = 1;
        for (long c : h.counts()) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < h.counts().length; i++) {
            double lo = h.low() + i * h.width();
            out.printf(Locale.ROOT, "    %9s .. %-9s %8d %s%n", num(lo), num(lo + h.width()), h.counts()[i],
                    "#".repeat((int) Math.round(40.0 * h.counts()[i] / max)));
        }
        out.println("  group averages:");
        d.groupSums.forEach((g, s) -> out.printf(Locale.ROOT, "    %-24s %s%n", g, num(s[0] / d.count())));
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
