package dev.scoreline.learn.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * L1-regularised logistic regression (liblinear's L1R_LR) over the candidate bits: the L1 penalty
 * sets most weights to exactly 0, so the few criteria that remain are the rules. The penalty is
 * chosen on the last training snapshot, fitted on the ones before it (never on the held-out ones).
 */
public final class SparseFit {

    /**
     * Training rows are sampled down to this many: liblinear's L1 solver took minutes of processor
     * time on 200 000 rows of the medium data, and the few criteria it keeps are as clear in 60 000.
     */
    static final int MAX_ROWS = 60_000;
    /** Penalties per example, strongest first. */
    static final double[] LAMBDAS = {0.03, 0.01, 0.003, 0.001};

    private SparseFit() { }

    /** Weights per feature (0 for those left out); at most {@code maxRules} are not 0. */
    public static double[] fit(FeatureRows rows, int[] training, int[] validation, int maxRules) {
        Linear.disableDebugOutput();
        boolean[] usable = usable(rows, training);
        int[] inner = validation.length == 0 ? training : Arrays.stream(training)
                .filter(r -> Arrays.binarySearch(validation, r) < 0).toArray();
        double bestAuc = -1, lambda = LAMBDAS[0];
        // The penalties' fits are independent: side by side on the cores, then compared in order.
        List<double[]> fits = Both.all(Arrays.stream(LAMBDAS)
                .mapToObj(l -> (java.util.function.Supplier<double[]>) () -> train(rows, inner, l, usable)).toList());
        for (int k = 0; k < LAMBDAS.length; k++) {
            double l = LAMBDAS[k];
            double[] w = fits.get(k);
            if (nonZero(w) == 0 || nonZero(w) > maxRules * 2) {
                continue;
            }
            double auc = Measures.auc(scores(rows, validation.length == 0 ? training : validation, w),
                    labels(rows, validation.length == 0 ? training : validation));
            if (auc > bestAuc + 0.002) {
                bestAuc = auc;
                lambda = l;
            }
        }
        return keepStrongest(rows, training, train(rows, training, lambda, usable), maxRules);
    }

    /**
     * The criteria worth fitting: not the same for every training row (the outcome's own start
     * event, say), and not a copy of an earlier one over those rows (two ways to say one thing).
     */
    static boolean[] usable(FeatureRows rows, int[] training) {
        boolean[] out = new boolean[rows.features()];
        java.util.Set<java.util.BitSet> seen = new java.util.HashSet<>();
        for (int f = 0; f < out.length; f++) {
            java.util.BitSet column = new java.util.BitSet(training.length);
            for (int i = 0; i < training.length; i++) {
                column.set(i, rows.has(training[i], f));
            }
            int on = column.cardinality();
            out[f] = on > 0 && on < training.length && seen.add(column);
        }
        return out;
    }

    private static double[] train(FeatureRows rows, int[] which, double lambda, boolean[] usable) {
        int[] sample = sample(which);
        Problem p = new Problem();
        p.l = sample.length;
        p.n = rows.features() + 1;
        p.bias = 1;
        p.x = new Feature[sample.length][];
        p.y = new double[sample.length];
        List<Feature> row = new ArrayList<>();
        for (int i = 0; i < sample.length; i++) {
            row.clear();
            for (int f = 0; f < rows.features(); f++) {
                if (usable[f] && rows.has(sample[i], f)) {
                    row.add(new FeatureNode(f + 1, 1));
                }
            }
            row.add(new FeatureNode(rows.features() + 1, 1));
            p.x[i] = row.toArray(new Feature[0]);
            p.y[i] = rows.converted(sample[i]) ? 1 : -1;
        }
        Parameter param = new Parameter(SolverType.L1R_LR, 1.0 / (lambda * sample.length), 0.01);
        param.setRandom(new Random(17));
        Model m = Linear.train(p, param);
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        double[] all = m.getFeatureWeights();
        double[] w = new double[rows.features()];
        for (int f = 0; f < w.length; f++) {
            w[f] = sign * all[f];
        }
        return w;
    }

    /** At most {@link #MAX_ROWS} rows, drawn without replacement with a fixed seed. */
    private static int[] sample(int[] which) {
        if (which.length <= MAX_ROWS) {
            return which;
        }
        int[] copy = which.clone();
        Random r = new Random(17);
        for (int i = 0; i < MAX_ROWS; i++) {
            int j = i + r.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] out = Arrays.copyOf(copy, MAX_ROWS);
        Arrays.sort(out);
        return out;
    }

    /** The {@code max} weights that move the log-odds most across the rows (|w| times the bit's spread). */
    private static double[] keepStrongest(FeatureRows rows, int[] training, double[] w, int max) {
        if (nonZero(w) <= max) {
            return w;
        }
        double[] strength = new double[w.length];
        for (int f = 0; f < w.length; f++) {
            long on = 0;
            for (int r : training) {
                on += rows.has(r, f) ? 1 : 0;
            }
            double p = (double) on / training.length;
            strength[f] = Math.abs(w[f]) * Math.sqrt(p * (1 - p));
        }
        double[] sorted = strength.clone();
        Arrays.sort(sorted);
        double cut = sorted[sorted.length - max];
        double[] out = new double[w.length];
        int kept = 0;
        for (int f = 0; f < w.length && kept < max; f++) {
            if (w[f] != 0 && strength[f] >= cut) {
                out[f] = w[f];
                kept++;
            }
        }
        return out;
    }

    static int nonZero(double[] w) {
        int n = 0;
        for (double x : w) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    static double[] scores(FeatureRows rows, int[] which, double[] w) {
        double[] out = new double[which.length];
        for (int i = 0; i < which.length; i++) {
            for (int f = 0; f < w.length; f++) {
                if (w[f] != 0 && rows.has(which[i], f)) {
                    out[i] += w[f];
                }
            }
        }
        return out;
    }

    static boolean[] labels(FeatureRows rows, int[] which) {
        boolean[] out = new boolean[which.length];
        for (int i = 0; i < which.length; i++) {
            out[i] = rows.converted(which[i]);
        }
        return out;
    }
}
