package dev.scoreline.bench.internal.drools;

import dev.scoreline.bench.ScoreSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the naive DRL rules' consequences report matches (a Drools global, one per session), and
 * the Java arithmetic that follows: decay, aggregation, frequency checks. Rule numbers are the
 * logical rules of a scenario ({@link Rule}); several DRL rules may report to one logical rule
 * (one per listed value of a {@code points for} rule).
 */
public final class Hits {

    public enum Kind { EVENT_SUM, EVENT_AVG, RECORD_SUM, RECORD_AVG, RECORD_MAX, FREQUENCY }

    /** A logical rule: score and group it adds to, how its matches combine, and a frequency's points and range. */
    public record Rule(int score, int group, Kind kind, double points, long min, long max) {
        public static Rule of(int score, int group, Kind kind) {
            return new Rule(score, group, kind, 0, 0, 0);
        }

        public static Rule frequency(int score, int group, double points, long min, long max) {
            return new Rule(score, group, Kind.FREQUENCY, points, min, max);
        }
    }

    private final List<ScoreSpec> scores;
    private final Rule[] rules;
    private final long now;
    private final double[] sum;
    private final long[] count;
    private final long[] newest;
    private final List<Map<Integer, Double>> perRecord;

    public Hits(List<ScoreSpec> scores, List<Rule> rules, long now) {
        this.scores = scores;
        this.rules = rules.toArray(new Rule[0]);
        this.now = now;
        int n = this.rules.length;
        sum = new double[n];
        count = new long[n];
        newest = new long[n];
        perRecord = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) perRecord.add(new HashMap<>());
        reset();
    }

    public void reset() {
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        Arrays.fill(newest, Long.MIN_VALUE);
        for (Map<Integer, Double> m : perRecord) m.clear();
    }

    private ScoreSpec.Group group(Rule r) {
        return scores.get(r.score()).groups().get(r.group());
    }

    /** A matching event of an event rule: its points, decayed by its group. */
    public void event(int rule, double points, long at) {
        Rule r = rules[rule];
        sum[rule] += points * ScoreSpec.decayFactor(group(r), now - at);
        count[rule]++;
    }

    /** A matching event of a frequency rule. */
    public void occurrence(int rule, long at) {
        count[rule]++;
        if (at > newest[rule]) newest[rule] = at;
    }

    /** A record meeting a property rule (or one listed value of a {@code points for} rule). */
    public void record(int rule, int record, double points) {
        perRecord.get(rule).merge(record, points, Double::sum);
    }

    /** The raw group sums (before start at and clamps) of every score, after the session fired. */
    public double[][] groupSums() {
        double[][] out = new double[scores.size()][];
        for (int s = 0; s < out.length; s++) out[s] = new double[scores.get(s).groups().size()];
        for (int i = 0; i < rules.length; i++) {
            Rule r = rules[i];
            double v = switch (r.kind()) {
                case EVENT_SUM -> sum[i];
                case EVENT_AVG -> count[i] == 0 ? 0 : sum[i] / count[i];
                case RECORD_SUM -> perRecord.get(i).values().stream().mapToDouble(Double::doubleValue).sum();
                case RECORD_AVG -> perRecord.get(i).values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                case RECORD_MAX -> perRecord.get(i).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                case FREQUENCY -> count[i] >= r.min() && count[i] <= r.max()
                        ? r.points() * (count[i] == 0 ? 1 : ScoreSpec.decayFactor(group(r), now - newest[i])) : 0;
            };
            out[r.score()][r.group()] += v;
        }
        return out;
    }
}
