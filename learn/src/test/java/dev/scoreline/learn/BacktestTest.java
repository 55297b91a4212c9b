package dev.scoreline.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.ScoreEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The backtest against a direct loop over the snapshots' records, two definitions side by side. */
class BacktestTest {

    private static final String RULES = """
            score "Engaged" on contact
              type engagement
              group "Web"
                add 15 for each page_view where url is "https://example.com/pricing" in the last 30 days
                add 2 for each page_view in the last 90 days

            score "Titled" on contact
              type fit
              status "Low" from 0
              status "Top" from 50
              group "Title"
                add 60 if jobtitle contains "vp"
                add 10 if numberofemployees >= 100
            """;

    @Test
    void aucAndConversionPerStatusMatchADirectLoop() {
        PlantedData data = new PlantedData(1500, 5, false);
        var defs = ScoreParser.parse("t.score", RULES).definitions();
        Backtest.Result result = Backtest.run(ScoreEngine.create(), defs, PlantedData.outcome(), data::adapter,
                DataProblems.IGNORE, PlantedData.NOW, null);
        assertThat(result.snapshots()).hasSizeGreaterThan(6);
        assertThat(result.scores()).extracting(ScoreBacktest::score).containsExactly("Engaged", "Titled");
        check(result.scores().get(0), direct(data, result.snapshots(), BacktestTest::engaged, v -> v >= 70 ? "High" : v >= 40 ? "Medium" : "Low"));
        check(result.scores().get(1), direct(data, result.snapshots(), BacktestTest::titled, v -> v >= 50 ? "Top" : "Low"));
    }

    private static void check(ScoreBacktest b, Direct d) {
        assertThat(b.examples()).isEqualTo(d.values.size());
        assertThat(b.converted()).isEqualTo(d.converted.stream().filter(x -> x).count());
        assertThat(b.snapshots()).isGreaterThan(6);
        assertThat(b.auc()).isCloseTo(d.auc(), within(1e-9));
        Map<String, long[]> perStatus = new TreeMap<>();
        b.statuses().forEach(s -> perStatus.put(s.status(), new long[]{s.examples(), s.converted()}));
        assertThat(perStatus).usingRecursiveComparison().isEqualTo(d.perStatus);
    }

    private record Direct(List<Double> values, List<Boolean> converted, Map<String, long[]> perStatus) {
        /** Every (converted, not converted) pair, ties half: the definition of AUC, not a rank formula. */
        double auc() {
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < values.size(); i++) {
                if (!converted.get(i)) continue;
                for (int j = 0; j < values.size(); j++) {
                    if (converted.get(j)) continue;
                    pairs++;
                    int c = Double.compare(values.get(i), values.get(j));
                    wins += c > 0 ? 1 : c == 0 ? 0.5 : 0;
                }
            }
            return wins / pairs;
        }
    }

    private static Direct direct(PlantedData data, List<Instant> snapshots,
                                 BiFunction<CrmRecord, Map.Entry<Instant, List<CrmEvent>>, Double> value,
                                 java.util.function.DoubleFunction<String> status) {
        Map<RecordKey, List<CrmEvent>> byRecord = new HashMap<>();
        data.events.forEach(e -> byRecord.computeIfAbsent(e.record(), k -> new ArrayList<>()).add(e));
        List<Double> values = new ArrayList<>();
        List<Boolean> converted = new ArrayList<>();
        Map<String, long[]> perStatus = new TreeMap<>();
        for (Instant d : snapshots) {
            Instant windowEnd = d.plus(Duration.ofDays(30));
            for (CrmRecord r : data.records) {
                List<CrmEvent> es = byRecord.getOrDefault(r.key(), List.of());
                boolean started = es.stream().anyMatch(e -> is(e, "lead") && !e.at().isAfter(d));
                boolean ended = es.stream().anyMatch(e -> is(e, "marketingqualifiedlead") && !e.at().isAfter(d));
                if (!started || ended) continue;
                boolean conv = es.stream().anyMatch(e -> is(e, "marketingqualifiedlead") && !e.at().isAfter(windowEnd));
                double v = value.apply(r, Map.entry(d, es));
                values.add(v);
                converted.add(conv);
                long[] row = perStatus.computeIfAbsent(status.apply(v), k -> new long[2]);
                row[0]++;
                row[1] += conv ? 1 : 0;
            }
        }
        return new Direct(values, converted, perStatus);
    }

    private static boolean is(CrmEvent e, String to) {
        return e.type().equals("lifecycle_change") && to.equals(e.properties().get("to"));
    }

    private static double engaged(CrmRecord r, Map.Entry<Instant, List<CrmEvent>> at) {
        Instant d = at.getKey();
        double v = 0;
        for (CrmEvent e : at.getValue()) {
            if (!e.type().equals("page_view") || e.at().isAfter(d)) continue;
            if (!e.at().isBefore(d.minus(Duration.ofDays(30))) && PlantedData.PRICING.equals(e.properties().get("url"))) v += 15;
            if (!e.at().isBefore(d.minus(Duration.ofDays(90)))) v += 2;
        }
        return v;
    }

    private static double titled(CrmRecord r, Map.Entry<Instant, List<CrmEvent>> at) {
        double v = ((String) r.properties().get("jobtitle")).toLowerCase(Locale.ROOT).contains("vp") ? 60 : 0;
        return v + (((Number) r.properties().get("numberofemployees")).longValue() >= 100 ? 10 : 0);
    }
}
