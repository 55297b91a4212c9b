package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.RecordKey;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.store.HistoryEntry;
import dev.scoreline.store.MonthlyValue;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoreline card KEY}: a record's scores as its owner looks at them, from the store's history. */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "A record's card: for each of its scores the value, status, latest changes with their causes, "
                + "the monthly trend and the score history (text, or an HTML page with --html).")
final class CardCommand implements Callable<Integer> {

    /** How many of the latest changes the card lists (the history chart shows them all). */
    static final int LATEST = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    ScoresCommand.StoreOptions.WithConfig storeOptions;

    @Parameters(index = "0", paramLabel = "KEY", description = "The record, written type:id (e.g. company:a001).")
    String key;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the card as an HTML page.")
    Path html;

    /** One score of the card: its history in time order, its monthly trend, its statuses worst first. */
    /** One score's card; {@code adjustments}: the manual adjustments the store keeps for the record (scoreline adjust). */
    record ScoreCard(String score, List<HistoryEntry> history, List<MonthlyValue> trend, List<String> statusOrder,
                     List<dev.scoreline.api.Adjustment> adjustments) {
        HistoryEntry last() {
            return history.get(history.size() - 1);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RecordKey record = ScoresCommand.recordKey("", key);
            Map<String, List<String>> orders = new LinkedHashMap<>();
            List<ScoreCard> cards;
            try (ScoreStore store = open(orders, err)) {
                cards = cards(store, record, orders);
            }
            print(record, cards, out);
            if (html != null) {
                Files.writeString(html, CardPage.render(record, cards), StandardCharsets.UTF_8);
                out.println("wrote " + html);
            }
            return Main.OK;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The store the options name; with --config, its rules also give the statuses' order (into {@code orders}). */
    private ScoreStore open(Map<String, List<String>> orders, PrintWriter err) {
        if (storeOptions.config != null && storeOptions.store == null) {
            for (ScoreDefinition d : RuleFiles.load(RunConfig.read(storeOptions.config).rules(), "card", err)) {
                orders.put(d.name(), Statuses.worstFirst(d));
            }
        }
        return storeOptions.open();
    }

    static List<ScoreCard> cards(ScoreStore store, RecordKey record, Map<String, List<String>> orders) {
        Map<String, List<HistoryEntry>> byScore = new LinkedHashMap<>();
        for (HistoryEntry h : store.history(record, Optional.empty())) {
            byScore.computeIfAbsent(h.score(), k -> new ArrayList<>()).add(h);
        }
        Map<String, List<dev.scoreline.api.Adjustment>> adjusted = new LinkedHashMap<>();
        store.adjustments().list(record).forEach(a -> adjusted.computeIfAbsent(a.score(), k -> new ArrayList<>()).add(a));
        List<ScoreCard> out = new ArrayList<>();
        byScore.forEach((score, history) -> out.add(new ScoreCard(score, history, ScoreStore.monthlyTrend(history),
                orders.containsKey(score) ? orders.get(score) : observedOrder(history),
                adjusted.getOrDefault(score, List.of()))));
        return out;
    }

    /**
     * Without the rules, the statuses ordered by the lowest value each was seen with: a status
     * reached by lower values is a worse one. Only the statuses the record has had are known.
     */
    static List<String> observedOrder(List<HistoryEntry> history) {
        Map<String, java.math.BigDecimal> lowest = new LinkedHashMap<>();
        for (HistoryEntry h : history) {
            if (h.newStatus() != null) {
                lowest.merge(h.newStatus(), h.newValue(), (a, b) -> a.min(b));
            }
        }
        return lowest.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /** The cause without its run prefix ("run ID: "), which the card shows in its own column. */
    static String cause(HistoryEntry h) {
        String prefix = "run " + h.runId() + ": ";
        return h.cause().startsWith(prefix) ? h.cause().substring(prefix.length()) : h.cause();
    }

    private static void print(RecordKey record, List<ScoreCard> cards, PrintWriter out) {
        out.println(record);
        if (cards.isEmpty()) {
            out.println("  no history for " + record + " in the store");
        }
        for (ScoreCard c : cards) {
            HistoryEntry last = c.last();
            out.println();
            out.printf(Locale.ROOT, "%s: %s%n", c.score(), last.removed() ? "no value (" + cause(last) + ")"
                    : HistoryCommand.valueText(last.newValue(), last.newStatus()));
            if (!c.adjustments().isEmpty()) {
                out.println("  adjustments:");
                c.adjustments().forEach(a -> out.println("    " + adjustmentText(a)));
            }
            out.println("  latest changes:");
            for (HistoryEntry h : latest(c)) {
                out.printf(Locale.ROOT, "    %s  %s → %s%n        because %s%n", h.at(), HistoryCommand.valueText(h.oldValue(), h.oldStatus()),
                        HistoryCommand.valueText(h.newValue(), h.newStatus()), cause(h));
            }
            out.println("  monthly trend (value at the end of each month, UTC):");
            for (MonthlyValue m : c.trend()) {
                out.printf(Locale.ROOT, "    %s  %s%n", m.month(), HistoryCommand.valueText(m.value(), m.status()));
            }
        }
    }

    /** An adjustment as the card shows it: id, points, author, until, reason, and whether it has expired. */
    static String adjustmentText(dev.scoreline.api.Adjustment a) {
        return a.describe() + (a.activeAt(java.time.Instant.now().toEpochMilli()) ? "" : " (expired)");
    }

    /** The latest changes, newest first. */
    static List<HistoryEntry> latest(ScoreCard c) {
        List<HistoryEntry> l = new ArrayList<>(c.history().subList(Math.max(0, c.history().size() - LATEST),
                c.history().size()));
        java.util.Collections.reverse(l);
        return l;
    }
}
