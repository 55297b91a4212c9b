package dev.scoreline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.learn.Backtest;
import dev.scoreline.learn.Outcome;
import dev.scoreline.learn.ScoreBacktest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
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

/** {@code scoreline backtest}: how well each score predicted an outcome over past snapshots. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay the data as of past snapshots and show, per score side by side, conversion per status, "
                + "lift per decile and AUC for an outcome (docs/outcomes.md).")
final class BacktestCommand implements Callable<Integer> {

    static final String LEAK = "properties are as the data holds them now: a property that changed after a snapshot "
            + "leaks into it, which the data cannot avoid";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    @Mixin
    OutcomeOptions outcome;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "The outcome's object type (default: that of the first score). The config's rules on other "
                    + "types are left out; --rules must all be on it.")
    String type;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the results as an HTML page with a lift chart.")
    Path html;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScoreDefinition> defs = onType(options.definitions("backtest", err), err);
        Outcome o = outcome.outcome(type != null ? type : defs.get(0).objectType());
        Instant now = options.now();
        Backtest.Result result = Backtest.run(ScoreEngine.create(), defs, o, options::openAdapter,
                new CountingProblems(err), now, outcome.every);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(result)));
        } else {
            print(result, out);
        }
        if (html != null) {
            BacktestPage.write(html, result);
            err.println("wrote " + html);
        }
        out.flush();
        err.flush();
        return Main.OK;
    }

    /**
     * The scores to backtest: all of {@code --rules} (one on another type than --type is SL509 in the
     * backtest), but of a config's rules, which were not picked for this outcome, only those on the
     * outcome's type, saying on err which were left out.
     */
    private List<ScoreDefinition> onType(List<ScoreDefinition> defs, PrintWriter err) {
        if (options.rules != null) {
            return defs;
        }
        String on = type != null ? type : defs.get(0).objectType();
        List<ScoreDefinition> kept = defs.stream().filter(d -> d.objectType().equalsIgnoreCase(on)).toList();
        if (kept.isEmpty()) {
            throw ScoresCommand.badArgument("no score of the config is on " + on + " records",
                    "give --type the object type of one of its scores, or name the scores with --rules");
        }
        defs.stream().filter(d -> !kept.contains(d)).forEach(d -> err.println("scoreline backtest: left out score \""
                + d.name() + "\" (on " + d.objectType() + " records, the outcome is on " + on + " records)"));
        err.flush();
        return kept;
    }

    static String describe(Backtest.Result r) {
        List<Instant> s = r.snapshots();
        return String.format(Locale.ROOT, "outcome %s within %s of a snapshot, after %s; %d snapshot%s from %s to %s",
                Outcome.text(r.outcome().end()), r.outcome().windowText(), Outcome.text(r.outcome().start()), s.size(),
                s.size() == 1 ? "" : "s", day(s.get(0)), day(s.get(s.size() - 1)));
    }

    static String day(Instant i) {
        return i.toString().substring(0, 10);
    }

    static void print(Backtest.Result r, PrintWriter out) {
        out.println(describe(r));
        out.println(LEAK);
        for (ScoreBacktest b : r.scores()) {
            printScore(b, out);
        }
    }

    static void printScore(ScoreBacktest b, PrintWriter out) {
        out.printf(Locale.ROOT, "%nScore \"%s\": AUC %s; %d examples (%d records over %d snapshots), %d converted (%s)%s%n",
                b.score(), num(b.auc()), b.examples(), b.records(), b.snapshots(), b.converted(), pct(b.rate()),
                b.outOfScope() == 0 ? "" : "; " + b.outOfScope() + " out of scope");
        out.printf(Locale.ROOT, "  %-14s %10s %10s %8s%n", "status", "examples", "converted", "rate");
        b.statuses().forEach(s -> out.printf(Locale.ROOT, "  %-14s %10d %10d %8s%n", s.status(), s.examples(),
                s.converted(), pct(s.rate())));
        out.printf(Locale.ROOT, "  %-6s %-21s %10s %10s %8s %6s%n", "decile", "values", "examples", "converted", "rate", "lift");
        b.deciles().forEach(d -> out.printf(Locale.ROOT, "  %-6d %-21s %10d %10d %8s %6s%n", d.decile(),
                num(d.lowest()) + " to " + num(d.highest()), d.examples(), d.converted(), pct(d.rate()), num(d.lift())));
    }

    static String pct(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static Map<String, Object> toJson(Backtest.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", Map.of("start", Outcome.text(r.outcome().start()), "end", Outcome.text(r.outcome().end()),
                "windowDays", r.outcome().windowDays()));
        m.put("snapshots", r.snapshots().stream().map(Instant::toString).toList());
        m.put("note", LEAK);
        m.put("scores", r.scores().stream().map(BacktestCommand::scoreJson).toList());
        return m;
    }

    static Map<String, Object> scoreJson(ScoreBacktest b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", b.score());
        m.put("auc", Double.isNaN(b.auc()) ? null : b.auc());
        m.put("examples", b.examples());
        m.put("records", b.records());
        m.put("snapshots", b.snapshots());
        m.put("converted", b.converted());
        m.put("outOfScope", b.outOfScope());
        m.put("statuses", b.statuses().stream().map(s -> Map.of("status", s.status(), "examples", s.examples(),
                "converted", s.converted())).toList());
        m.put("deciles", b.deciles().stream().map(d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("decile", d.decile());
            x.put("lowest", d.lowest());
            x.put("highest", d.highest());
            x.put("examples", d.examples());
            x.put("converted", d.converted());
            x.put("lift", Double.isNaN(d.lift()) ? null : d.lift());
            return x;
        }).toList());
        return m;
    }
}
