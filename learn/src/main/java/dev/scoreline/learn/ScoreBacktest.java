package dev.scoreline.learn;

import java.util.List;

/**
 * How one score predicted the outcome over the snapshots: each example is a record of the
 * population at one snapshot that the score had in scope, with its value and status then and
 * whether it converted within the window.
 *
 * @param auc the probability that a converted example has a higher value than one that did not
 *            (ties count half); NaN when either class is empty
 * @param statuses conversion per status, the status of the highest mean value first
 * @param deciles the examples by value, highest tenth first; lift = the tenth's rate / the overall rate
 * @param outOfScope population examples the score did not have in scope (left out of everything above)
 */
public record ScoreBacktest(String score, int snapshots, long examples, long records, long converted, double auc,
                            List<StatusRow> statuses, List<Decile> deciles, long outOfScope) {

    public ScoreBacktest {
        statuses = List.copyOf(statuses);
        deciles = List.copyOf(deciles);
    }

    public double rate() {
        return examples == 0 ? Double.NaN : (double) converted / examples;
    }

    /** One status: examples in it, how many converted. */
    public record StatusRow(String status, long examples, long converted) {
        public double rate() {
            return examples == 0 ? Double.NaN : (double) converted / examples;
        }
    }

    /** One tenth of the examples by value: the value range it covers, examples, converted, lift. */
    public record Decile(int decile, double lowest, double highest, long examples, long converted, double lift) {
        public double rate() {
            return examples == 0 ? Double.NaN : (double) converted / examples;
        }
    }
}
