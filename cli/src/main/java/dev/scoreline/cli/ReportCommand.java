package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.RecordKey;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.Explanation;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoreline report}: how each score performed over the stored history. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Per score: records per status per month over the stored history, how many moved up or down "
                + "each month, and the rules that gave the most points across records (text, or HTML with --html).")
final class ReportCommand implements Callable<Integer> {

    static final int TOP_RULES = 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "CONFIG",
            description = "The run config: its rules, data and store (default: the one `scoreline run` reads without "
                    + "one, ./scoreline.yaml, else the quickstart).")
    Path config;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as an HTML page.")
    Path html;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Performance> report = build(err);
            print(report, out);
            if (html != null) {
                Files.writeString(html, ReportPage.render(report), StandardCharsets.UTF_8);
                out.println("wrote " + html);
            }
            return Main.OK;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private List<Performance> build(PrintWriter err) throws Exception {
        RunConfig cfg = RunConfig.read(config == null ? RunConfig.defaultFile() : config);
        List<ScoreDefinition> defs = RuleFiles.load(cfg, "report", err);
        ScoreEngine engine = ScoreEngine.create();
        CompiledScores scores = engine.compile(defs);
        Instant now = cfg.asOf() == null ? Instant.now() : cfg.asOf();
        ScoringData data;
        try (CrmAdapter adapter = DataSource.adapter(cfg.adapter(), cfg.adapterSettings(), "adapter:")) {
            data = engine.load(scores, adapter, new CountingProblems(new PrintWriter(java.io.Writer.nullWriter())));
        }
        Map<String, Performance> byScore = new LinkedHashMap<>();
        Map<String, TreeSet<RecordKey>> records = new LinkedHashMap<>();
        for (ScoreDefinition d : scores.definitions()) {
            byScore.put(d.name(), new Performance(d.name(), Statuses.worstFirst(d)));
            records.put(d.name(), new TreeSet<>());
        }
        engine.score(data, now, r -> records.get(r.score()).add(r.record()));
        ScoreStore store = cfg.requireStore("the report is drawn from the store's history");
        YearMonth until = YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC));
        try (store) {
            records.forEach((score, keys) -> keys.forEach(k -> byScore.get(score)
                    .addTrend(ScoreStore.monthlyTrend(store.history(k, Optional.of(score))), until)));
        }
        for (RecordKey k : records.values().stream().flatMap(TreeSet::stream).distinct().toList()) {
            Optional<Explanation> e = engine.explain(data, k, now);
            e.ifPresent(x -> x.scores().stream().filter(Explanation.ScoreExplanation::inScope)
                    .forEach(s -> byScore.get(s.score()).addExplanation(s)));
        }
        return List.copyOf(byScore.values());
    }

    private static void print(List<Performance> report, PrintWriter out) {
        for (Performance p : report) {
            out.println();
            out.println("Score \"" + p.score + "\"");
            out.printf(Locale.ROOT, "  %-8s", "month");
            p.statusOrder.forEach(s -> out.printf(Locale.ROOT, " %10s", s));
            out.printf(Locale.ROOT, " %6s %6s%n", "up", "down");
            for (Map.Entry<YearMonth, long[]> m : p.perMonth.entrySet()) {
                out.printf(Locale.ROOT, "  %-8s", m.getKey());
                for (long n : m.getValue()) {
                    out.printf(Locale.ROOT, " %10d", n);
                }
                long[] moves = p.movesIn(m.getKey());
                out.printf(Locale.ROOT, " %6d %6d%n", moves[0], moves[1]);
            }
            out.println("  rules that gave the most points across records:");
            for (Performance.RuleTotal t : p.topRules(TOP_RULES)) {
                out.printf(Locale.ROOT, "    %10s  on %d records  line %d  %s%n", PreviewCommand.num(t.points().doubleValue()),
                        t.records(), t.line(), t.rule());
            }
        }
    }
}
