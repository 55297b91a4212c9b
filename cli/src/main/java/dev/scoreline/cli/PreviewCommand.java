package dev.scoreline.cli;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.RunSummary;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.store.ScoreStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Preview a score before activating it: how values and statuses spread over all records; "
                + "with --against, what changes from an earlier definition.")
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the preview as an HTML page.")
    Path html;

    @Option(names = "--buckets", defaultValue = "10", description = "Histogram bars (default 10).")
    int buckets;

    @Option(names = "--against", paramLabel = "OLD.score|active",
            description = "Compare with earlier definitions: a .score file with the earlier version of scores in --rules, "
                    + "or 'active' for the versions active in the store (--store or --config): how many records change "
                    + "status, the value shift, the records that move most, both histograms.")
    String against;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "With --against: how many of the records that move most to list (default 10).")
    int top;

    @Mixin
    ScoresCommand.StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (buckets < 1 || buckets > 1000) {
            throw ScoresCommand.badArgument("--buckets must be between 1 and 1000, got " + buckets,
                    "give a number of buckets from 1 to 1000 (default 10)");
        }
        if (top < 1) {
            throw ScoresCommand.badArgument("--top must be at least 1, got " + top, "give how many records to list, e.g. --top 10");
        }
        if (storeOptions.store != null && !Against.ACTIVE.equals(against)) {
            throw ScoresCommand.badArgument("--store is read only with --against active",
                    "add --against active to compare with the store's active versions, or leave it out");
        }
        if (against == null) {
            preview(options.load("preview", err), out);
        } else {
            whatIf(err, out);
        }
        out.flush();
        return Main.OK;
    }

    private void summary(DataOptions.Loaded loaded, RunSummary summary, PrintWriter out) {
        out.printf(Locale.ROOT, "%n%d records read; %d out of scope%n", loaded.data().recordsRead(), summary.recordsOutOfScope());
    }

    private void preview(DataOptions.Loaded loaded, PrintWriter out) {
        Map<String, Distribution> byScore = new LinkedHashMap<>();
        for (ScoreDefinition d : loaded.scores().definitions()) {
            byScore.put(d.name(), new Distribution(d.name(), Statuses.worstFirst(d)));
        }
        var summary = loaded.engine().score(loaded.data(), options.now(), r -> byScore.get(r.score()).add(r));
        for (Distribution d : byScore.values()) {
            printText(d, out);
        }
        summary(loaded, summary, out);
        writeHtml(() -> PreviewPage.render(byScore.values(), buckets, options.now().toString()), out);
    }

    /** Both sets scored over the same data at the same instant: the earlier first, then the previewed one. */
    private void whatIf(PrintWriter err, PrintWriter out) {
        // the earlier definitions are read before the data: a wrong --against fails at once
        List<ScoreDefinition> previewed = options.definitions("preview", err);
        List<ScoreDefinition> earlier;
        String label;
        if (Against.ACTIVE.equals(against)) {
            StringBuilder where = new StringBuilder();
            storeOptions.config = options.source.config;
            try (ScoreStore store = Against.openStore(storeOptions, where)) {
                earlier = Against.active(store, where.toString(), previewed, err);
            }
            label = "the active versions in " + where;
        } else {
            if (options.rules == null) {
                throw ScoresCommand.badArgument("--against " + against + " replaces scores of --rules, and no --rules was given",
                        "give the new version with --rules NEW.score");
            }
            earlier = Against.file(Path.of(against), options.rules, previewed, err);
            label = against;
        }
        DataOptions.Loaded loaded = options.load(previewed, err, null);
        ScoreEngine engine = loaded.engine();
        CompiledScores before = engine.compile(earlier);
        ScoringData beforeData;
        try (CrmAdapter crm = options.openAdapter()) {
            // its data warnings are the previewed set's, printed once already
            beforeData = engine.load(before, crm, new CountingProblems(new PrintWriter(java.io.Writer.nullWriter())));
        }
        Map<String, WhatIf> byScore = new LinkedHashMap<>();
        Map<String, ScoreDefinition> earlierByName = new LinkedHashMap<>();
        before.definitions().forEach(d -> earlierByName.put(d.name(), d));
        for (ScoreDefinition d : loaded.scores().definitions()) {
            byScore.put(d.name(), new WhatIf(d.name(), Statuses.worstFirst(earlierByName.get(d.name())),
                    Statuses.worstFirst(d), top));
        }
        engine.score(beforeData, options.now(), r -> byScore.get(r.score()).addBefore(r));
        var summary = engine.score(loaded.data(), options.now(), r -> byScore.get(r.score()).addAfter(r));
        for (WhatIf w : byScore.values()) {
            w.finish();
            WhatIfText.print(w, label, buckets, out);
        }
        summary(loaded, summary, out);
        writeHtml(() -> WhatIfPage.render(byScore.values(), label, buckets, options.now().toString()), out);
    }

    private void writeHtml(java.util.function.Supplier<String> page, PrintWriter out) {
        if (html == null) {
            return;
        }
        try {
            Files.writeString(html, page.get(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, "--html " + html + " cannot be written: " + e.getMessage(),
                    "give --html a file in a folder that exists and can be written", e);
        }
        out.println("wrote " + html);
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
        long max = Math.max(1, h.tallest());
        for (int i = 0; i < h.counts().length; i++) {
            double lo = h.low() + i * h.width();
            out.printf(Locale.ROOT, "    %9s .. %-9s %8d %s%n", num(lo), num(lo + h.width()), h.counts()[i],
                    "#".repeat((int) Math.round(40.0 * h.counts()[i] / max)));
        }
        out.println("  group averages:");
        d.groupSums.keySet().forEach(g -> out.printf(Locale.ROOT, "    %-24s %s%n", g, num(d.groupAverage(g))));
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
