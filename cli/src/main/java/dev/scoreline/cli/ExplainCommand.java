package dev.scoreline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.Explanation;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Test a record: every rule, what it matched, its points, decay, group clamps, total and status.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    @Option(names = "--record", required = true, paramLabel = "KEY", description = "The record, as type:id.")
    String record;

    @Option(names = "--json", description = "Print the explanation as JSON, for machines.")
    boolean json;

    /** Where the manual adjustments are kept: read when the user has a store (scoreline adjust). */
    @Mixin
    ScoresCommand.StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RecordKey key = ScoresCommand.recordKey("--record: ", record);
        DataOptions.Loaded loaded = options.load("explain", err, key);
        ScoreEngine engine = loaded.engine();
        ScoringData data = loaded.data();
        storeOptions.config = options.source.config;
        java.util.Optional<dev.scoreline.store.ScoreStore> store = storeOptions.openIfAny();
        if (store.isPresent()) {
            try (dev.scoreline.store.ScoreStore s = store.get()) {
                data.adjust(s.adjustments().of(loaded.scores().definitions().stream().map(d -> d.name()).toList()));
            }
        }
        Optional<Explanation> explanation = engine.explain(data, key, options.now());
        if (explanation.isEmpty()) {
            throw ScoresCommand.badArgument("--record " + key + " is not in " + options.source.describe(),
                    "give the key of a record in the data folder (type:id)");
        }
        long others = loaded.problems().warningsAboutOthers();
        if (others > 0) {
            err.println("(" + others + " data warning" + (others == 1 ? "" : "s")
                    + " about other records not shown; scoreline score lists them)");
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(explanation.get()));
        } else {
            print(explanation.get(), out);
        }
        out.flush();
        return Main.OK;
    }

    static void print(Explanation e, PrintWriter out) {
        out.println(e.record() + " as of " + e.asOf());
        if (e.scores().isEmpty()) {
            out.println("  no score is on records of type " + e.record().type());
        }
        for (Explanation.ScoreExplanation s : e.scores()) {
            out.println();
            out.println("Score \"" + s.score() + "\" (" + s.type() + ")");
            if (!s.inScope()) {
                out.println("  " + s.scope());
                continue;
            }
            for (Explanation.GroupExplanation g : s.groups()) {
                out.println("  group \"" + g.name() + "\"" + (g.kind() == null ? "" : " (" + g.kind() + ")"));
                if (g.startAt().signum() != 0) {
                    out.println("    start at " + n(g.startAt()));
                }
                for (Explanation.RuleExplanation r : g.rules()) {
                    out.println("    " + (r.matched() ? "[x] " : "[ ] ") + r.rule() + "   (line " + r.line() + ")");
                    for (String d : r.details()) {
                        out.println("          " + d);
                    }
                    out.println("          points: " + n(r.points()));
                }
                out.println("    group sum " + n(g.sum()) + (g.clamp() == null ? "" : ", " + g.clamp())
                        + " -> " + n(g.value()));
            }
            for (dev.scoreline.api.Adjustment a : s.adjustments()) {
                out.println("  adjustment " + a.describe());
            }
            out.println("  total " + n(s.sum()) + (s.totalClamp() == null ? "" : ", " + s.totalClamp())
                    + " -> value " + n(s.total()));
            out.println("  status " + s.status() + ": " + s.statusReason());
        }
    }

    private static String n(BigDecimal v) {
        return dev.scoreline.engine.Numbers.plain(v);
    }
}
