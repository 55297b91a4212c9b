package dev.scoreline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.api.RecordKey;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.MonthlyValue;
import dev.scoreline.store.ScoreStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scoreline history KEY}: every change of a record's scores, and its monthly trend. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every change of a record's value or status (when, old → new, which run, why) "
                + "and its monthly trend (the value at the end of each month).")
final class HistoryCommand extends ScoresCommand.StoreCommand {

    @Parameters(index = "0", paramLabel = "KEY", description = "The record, written type:id (e.g. contact:c1).")
    String key;

    @Option(names = "--score", paramLabel = "NAME", description = "Only this score (default: every score of the record).")
    String score;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Override
    int call(ScoreStore store) throws Exception {
        RecordKey record = ScoresCommand.recordKey("", key);
        Map<String, List<HistoryEntry>> byScore = new LinkedHashMap<>();
        for (HistoryEntry h : store.history(record, Optional.ofNullable(score))) {
            byScore.computeIfAbsent(h.score(), k -> new ArrayList<>()).add(h);
        }
        if (json) {
            printJson(record, byScore, out);
            return Main.OK;
        }
        if (byScore.isEmpty()) {
            out.println("no history for " + record + (score == null ? "" : " in \"" + score + "\""));
            return Main.OK;
        }
        boolean first = true;
        for (Map.Entry<String, List<HistoryEntry>> e : byScore.entrySet()) {
            if (!first) {
                out.println();
            }
            first = false;
            List<HistoryEntry> entries = e.getValue();
            out.printf(Locale.ROOT, "%s, \"%s\": %d change%s%n", record, e.getKey(), entries.size(), entries.size() == 1 ? "" : "s");
            for (HistoryEntry h : entries) {
                out.printf(Locale.ROOT, "  %s  %s → %s  (run %s)%n", h.at(), valueText(h.oldValue(), h.oldStatus()),
                        valueText(h.newValue(), h.newStatus()), h.runId());
                if (!h.cause().isEmpty()) {
                    out.println("      because " + h.cause());
                }
            }
            out.println("  monthly trend (value at the end of each month, UTC):");
            for (MonthlyValue m : ScoreStore.monthlyTrend(entries)) {
                out.printf(Locale.ROOT, "    %s  %s%n", m.month(), valueText(m.value(), m.status()));
            }
        }
        return Main.OK;
    }

    static String valueText(BigDecimal value, String status) {
        return status == null ? "(none)" : value.toPlainString() + " " + status;
    }

    private static void printJson(RecordKey record, Map<String, List<HistoryEntry>> byScore, PrintWriter out)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("record", record.toString());
        ArrayNode scores = root.putArray("scores");
        for (Map.Entry<String, List<HistoryEntry>> e : byScore.entrySet()) {
            ObjectNode s = scores.addObject();
            s.put("score", e.getKey());
            ArrayNode changes = s.putArray("changes");
            for (HistoryEntry h : e.getValue()) {
                ObjectNode c = changes.addObject();
                c.put("at", h.at().toString());
                c.put("run", h.runId());
                putValue(c, "old", h.oldValue(), h.oldStatus());
                putValue(c, "new", h.newValue(), h.newStatus());
                c.put("cause", h.cause());
            }
            ArrayNode trend = s.putArray("trend");
            for (MonthlyValue m : ScoreStore.monthlyTrend(e.getValue())) {
                ObjectNode t = trend.addObject();
                t.put("month", m.month().toString());
                t.put("value", m.value());
                t.put("status", m.status());
            }
        }
        out.println(mapper.writeValueAsString(root));
    }

    private static void putValue(ObjectNode o, String field, BigDecimal value, String status) {
        if (status == null) {
            o.putNull(field);
        } else {
            o.putObject(field).put("value", value).put("status", status);
        }
    }
}
