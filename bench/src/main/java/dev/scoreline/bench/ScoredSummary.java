package dev.scoreline.bench;

import dev.scoreline.api.ScoreResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a contender computed for a scenario: for every score, the rounded value, status and group
 * values of every record of the score's object type, by record index in the {@link DataSet}
 * (NaN/null for a record out of scope). Enough to cross-check contenders record by record.
 * Thread-safe for writes to distinct records.
 */
public final class ScoredSummary {

    /** The values of one score. */
    public static final class Values {
        public final ScoreSpec spec;
        /** The records of the score's object type. */
        final Table table;
        public final double[] value;
        public final String[] status;
        /** groups[g][record] */
        public final double[][] groups;

        Values(ScoreSpec spec, Table table) {
            this.spec = spec;
            this.table = table;
            int n = table.size;
            value = new double[n];
            Arrays.fill(value, Double.NaN);
            status = new String[n];
            groups = new double[spec.groups().size()][n];
            for (double[] g : groups) Arrays.fill(g, Double.NaN);
        }

        public long scored() {
            long n = 0;
            for (double v : value) if (!Double.isNaN(v)) n++;
            return n;
        }

        public double sum() {
            double s = 0;
            for (double v : value) if (!Double.isNaN(v)) s += v;
            return s;
        }
    }

    public final Scenario scenario;
    private final Map<String, Values> scores = new LinkedHashMap<>();

    public ScoredSummary(Scenario scenario, DataSet data) {
        this.scenario = scenario;
        for (ScoreSpec s : scenario.scores) scores.put(s.name(), new Values(s, data.table(s.objectType())));
    }

    public Values values(String score) {
        settle();
        return valuesOf(score);
    }

    private Values valuesOf(String score) {
        Values v = scores.get(score);
        if (v == null) throw new IllegalArgumentException("no score " + score + " in scenario " + scenario);
        return v;
    }

    public Map<String, Values> scores() {
        settle();
        return scores;
    }

    /** Records a rounded result: {@code groups} in the order of the score's groups. */
    public void put(String score, int record, double value, String status, double[] groups) {
        Values v = valuesOf(score);
        v.value[record] = value;
        v.status[record] = status;
        for (int g = 0; g < groups.length; g++) v.groups[g][record] = groups[g];
    }

    /**
     * Keeps an engine result to be filed by record index later, outside the timed part: finding
     * a record's index from its key and turning decimals into doubles is the bench's bookkeeping,
     * not the contender's work (the hand-written contenders write by index directly). The result
     * itself is kept, as a sink that holds it would. Called from one thread.
     */
    public void put(ScoreResult r) {
        results.add(r);
    }

    private final List<ScoreResult> results = new ArrayList<>();

    /** Keeps a row a contender returned by record id, filed like {@link #put(ScoreResult)}. Called from one thread. */
    public void putById(String id, String score, double value, String status, double[] groups) {
        pending.add(new Pending(id, valuesOf(score).table.type, score, value, status, groups));
    }

    /** A result kept by record id until it is filed; the id and labels are the contender's own objects. */
    private record Pending(String id, String type, String score, double value, String status, double[] groups) { }

    private final List<Pending> pending = new ArrayList<>();

    /** Files what {@code put} kept; every reader calls it first. */
    private synchronized void settle() {
        for (ScoreResult r : results) {
            Values v = valuesOf(r.score());
            double[] g = new double[v.groups.length];
            for (int i = 0; i < g.length; i++) {
                BigDecimal b = r.groups().get(v.spec.groups().get(i).name());
                g[i] = b == null ? Double.NaN : b.doubleValue();
            }
            pending.add(new Pending(r.record().id(), r.record().type(), r.score(), r.value().doubleValue(), r.status(), g));
        }
        results.clear();
        for (Pending p : pending) {
            Table table = valuesOf(p.score()).table;
            int idx = table.indexOf(p.id());
            if (idx < 0 || !p.type().equals(table.type)) {
                throw new IllegalStateException("a contender scored a record not in the data: " + p.type() + ":" + p.id());
            }
            put(p.score(), idx, p.value(), p.status(), p.groups());
        }
        pending.clear();
    }

    /** Records with a value, over all scores. */
    public long scored() {
        settle();
        long n = 0;
        for (Values v : scores.values()) n += v.scored();
        return n;
    }

    /** Sum of all values of all scores: a checksum. */
    public double sum() {
        settle();
        double s = 0;
        for (Values v : scores.values()) s += v.sum();
        return s;
    }

    /** A few records' values, for reports: record key → value, per score. */
    public Map<String, Map<String, Double>> sample(int n) {
        settle();
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Values v : scores.values()) {
            Map<String, Double> m = new TreeMap<>();
            int step = Math.max(1, v.table.size / Math.max(1, n));
            for (int i = 0; i < v.table.size && m.size() < n; i += step) m.put(v.table.key(i), v.value[i]);
            out.put(v.spec.name(), m);
        }
        return out;
    }

    /** How two summaries of the same scenario and data differ. */
    public record Comparison(double maxAbsDiff, long valueMismatches, long statusMismatches, long groupMismatches,
                             long scopeMismatches, List<String> examples) {
        public boolean agrees() {
            return valueMismatches == 0 && statusMismatches == 0 && groupMismatches == 0 && scopeMismatches == 0;
        }
    }

    /** Compares record by record; values agree within 0.005 (they are rounded to 2 decimals). */
    public Comparison compare(ScoredSummary other) {
        settle();
        double max = 0;
        long vm = 0, sm = 0, gm = 0, scm = 0;
        List<String> ex = new ArrayList<>();
        for (Values a : scores.values()) {
            Values b = other.values(a.spec.name());
            for (int i = 0; i < a.value.length; i++) {
                String key = a.spec.name() + " " + a.table.key(i);
                boolean na = Double.isNaN(a.value[i]), nb = Double.isNaN(b.value[i]);
                if (na != nb) {
                    scm++;
                    if (ex.size() < 10) ex.add(key + ": scored by only one (" + a.value[i] + " vs " + b.value[i] + ")");
                    continue;
                }
                if (na) continue;
                double d = Math.abs(a.value[i] - b.value[i]);
                max = Math.max(max, d);
                if (d > 0.005) {
                    vm++;
                    if (ex.size() < 10) ex.add(key + ": value " + a.value[i] + " vs " + b.value[i]);
                }
                if (!java.util.Objects.equals(a.status[i], b.status[i])) {
                    sm++;
                    if (ex.size() < 10) ex.add(key + ": status " + a.status[i] + " vs " + b.status[i]);
                }
                for (int g = 0; g < a.groups.length; g++) {
                    double dg = Math.abs(a.groups[g][i] - b.groups[g][i]);
                    if (!(dg <= 0.005)) {
                        gm++;
                        if (ex.size() < 10) ex.add(key + ": group " + a.spec.groups().get(g).name() + " "
                                + a.groups[g][i] + " vs " + b.groups[g][i]);
                    }
                }
            }
        }
        return new Comparison(max, vm, sm, gm, scm, ex);
    }
}
