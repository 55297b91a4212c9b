package dev.scoreline.learn;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.learn.internal.Both;
import dev.scoreline.learn.internal.Candidates;
import dev.scoreline.learn.internal.FeatureRows;
import dev.scoreline.learn.internal.HeldData;
import dev.scoreline.learn.internal.Replay;
import dev.scoreline.learn.internal.SparseFit;
import dev.scoreline.learn.internal.SuggestionText;
import dev.scoreline.learn.internal.SuggestionText.Kept;
import dev.scoreline.dsl.model.Group;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code scoreline suggest}: a readable {@code .score} file learned from the outcome (docs/outcomes.md).
 * Candidate criteria come from the data; the engine says which records meet each at every snapshot;
 * an L1-regularised logistic regression on the earlier snapshots keeps a few; their weights become
 * integer points; the result is backtested by the engine on the later snapshots.
 */
public final class Suggest {

    public static final int MIN_EXAMPLES = 50;
    public static final int MIN_PER_CLASS = 25;
    public static final int MAX_RULES = 15;
    /** The points of the strongest rule; the others in proportion to their weights. */
    static final int TOP_POINTS = 20;
    static final String CANDIDATES = "scoreline candidates ";

    private Suggest() { }

    public enum Kind { ENGAGEMENT, FIT, COMBINED }

    /** What to suggest and what to compare it with. */
    public record Options(String name, Kind kind, Instant now, Integer everyDays, List<ScoreDefinition> against,
                          java.util.function.Consumer<String> progress) {
        public Options {
            against = List.copyOf(against);
            progress = progress == null ? p -> { } : progress;
        }

        /** Without progress lines. */
        public Options(String name, Kind kind, Instant now, Integer everyDays, List<ScoreDefinition> against) {
            this(name, kind, now, everyDays, against, null);
        }
    }

    /**
     * A suggestion: {@code text} null when no criterion separates the classes better than chance
     * ({@code verdict} says so); {@code heldOut} the engine's backtest of the suggestion (first) and
     * the {@code against} scores on the held-out snapshots, empty when nothing was kept.
     */
    public record Suggestion(String text, ScoreDefinition definition, List<Kept> rules, List<Instant> training,
                             List<Instant> heldOutSnapshots, List<ScoreBacktest> heldOut, double heldOutAuc,
                             boolean separates, String verdict, int candidates, long examples, long converted) { }

    public static Suggestion run(ScoreEngine engine, Outcome outcome, Supplier<CrmAdapter> adapters,
                                 DataProblems problems, Options o) {
        Backtest.checkScores(o.against(), outcome);
        Clock clock = new Clock(o.progress());
        // Read once: the candidates, the outcome, the candidates' replay and the held-out backtest all read this copy.
        HeldData held = HeldData.read(adapters.get(), problems);
        clock.lap("data read");
        // The candidates are drawn while the outcome's data is loaded: independent, one on each core.
        Both.Pair<Candidates.Drawn, ScoringData> first = Both.of(() -> Candidates.fromData(held, outcome.objectType(),
                o.now(), o.kind() != Kind.ENGAGEMENT, o.kind() != Kind.FIT), () -> Backtest.outcomes(engine, outcome, held));
        List<Candidates.Candidate> candidates = first.first().candidates();
        ScoringData outcomes = first.second();
        List<Instant> snapshots = Snapshots.of(first.first().firstEvent(), outcome.objectType(), o.now(), o.everyDays(),
                outcome.windowDays());
        clock.lap(candidates.size() + " candidate criteria drawn from the data, " + snapshots.size()
                + " snapshots (the outcome's data loaded beside)");
        FeatureRows rows = features(engine, outcome, held, problems, candidates, snapshots, outcomes, clock);
        long converted = countConverted(rows);
        if (rows.size() < MIN_EXAMPLES || converted < MIN_PER_CLASS || rows.size() - converted < MIN_PER_CLASS
                || snapshots.size() < 2) {
            throw new ScorelineException(ErrorCode.TOO_FEW_EXAMPLES, String.format(Locale.ROOT,
                    "%d examples over %d snapshots, %d converted and %d not: suggest needs at least %d examples, "
                            + "%d of each class, and 2 snapshots", rows.size(), snapshots.size(), converted,
                    rows.size() - converted, MIN_EXAMPLES, MIN_PER_CLASS),
                    "use data that reaches further back, a longer --within, or a more frequent --end event");
        }
        int trainingSnapshots = snapshots.size() - Math.max(1, snapshots.size() / 3);
        int[] training = rows.rowsOf(0, trainingSnapshots);
        int[] validation = trainingSnapshots > 1 ? rows.rowsOf(trainingSnapshots - 1, trainingSnapshots) : new int[0];
        int[] heldOut = rows.rowsOf(trainingSnapshots, snapshots.size());
        double[] weights = SparseFit.fit(rows, training, validation, MAX_RULES);
        clock.lap("fitted on " + training.length + " examples");
        int[] points = points(weights);
        List<Kept> kept = kept(rows, training, candidates, points);
        List<Instant> train = snapshots.subList(0, trainingSnapshots), later = snapshots.subList(trainingSnapshots, snapshots.size());
        if (kept.isEmpty()) {
            return new Suggestion(null, null, kept, train, later, List.of(), 0.5, false,
                    "no criterion separates converted from not converted better than chance: the model kept none "
                            + "whose conversion with and without it differs beyond noise (held-out AUC 0.50); nothing was written", candidates.size(), rows.size(), converted);
        }
        boolean[] event = new boolean[candidates.size()];
        for (int f = 0; f < event.length; f++) {
            event[f] = candidates.get(f).event();
        }
        ScoreDefinition definition = withStatuses(o, outcome.objectType(), kept, rows, heldOut, points, event);
        List<ScoreDefinition> all = new ArrayList<>(List.of(definition));
        all.addAll(o.against());
        ScoringData data = Backtest.load(engine, all, () -> held, DataProblems.IGNORE);
        List<ScoreBacktest> measured = Backtest.measure(engine, data, outcomes, outcome, later,
                all.stream().map(ScoreDefinition::name).toList());
        clock.lap("backtested on the " + later.size() + " held-out snapshots");
        ScoreBacktest mine = measured.get(0);
        boolean separates = betterThanChance(mine);
        String verdict = separates
                ? String.format(Locale.ROOT, "the suggestion separates the classes on the held-out snapshots (AUC %.2f)", mine.auc())
                : String.format(Locale.ROOT, "no criterion separates converted from not converted better than chance "
                        + "(held-out AUC %.2f); nothing was written", mine.auc());
        String text = separates ? SuggestionText.text(definition, kept, header(outcome, rows, train, later, mine)) : null;
        return new Suggestion(text, definition, kept, train, later, measured, mine.auc(), separates, verdict,
                candidates.size(), rows.size(), converted);
    }

    /** Which candidates each example meets, as the engine decides at each snapshot. */
    private static FeatureRows features(ScoreEngine engine, Outcome outcome, HeldData held, DataProblems problems,
                                        List<Candidates.Candidate> candidates, List<Instant> snapshots,
                                        ScoringData outcomes, Clock clock) {
        List<Group> fit = new ArrayList<>(), events = new ArrayList<>();
        List<Integer> fitFeatures = new ArrayList<>(), eventFeatures = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidates.Candidate c = candidates.get(i);
            (c.event() ? events : fit).add(new Group(FeatureRows.group(i), null, null, null, null, List.of(c.rule()),
                    SourcePosition.UNKNOWN));
            (c.event() ? eventFeatures : fitFeatures).add(i);
        }
        List<ScoreDefinition> defs = new ArrayList<>();
        Map<String, int[]> groupFeatures = new HashMap<>();
        if (!fit.isEmpty()) {
            defs.add(candidateScore(CANDIDATES + "(fit)", outcome.objectType(), ScoreType.FIT, fit));
            groupFeatures.put(CANDIDATES + "(fit)", fitFeatures.stream().mapToInt(Integer::intValue).toArray());
        }
        if (!events.isEmpty()) {
            defs.add(candidateScore(CANDIDATES + "(engagement)", outcome.objectType(), ScoreType.ENGAGEMENT, events));
            groupFeatures.put(CANDIDATES + "(engagement)", eventFeatures.stream().mapToInt(Integer::intValue).toArray());
        }
        FeatureRows rows = new FeatureRows(candidates.size(), groupFeatures);
        ScoringData data = Backtest.load(engine, defs, () -> held, problems);
        clock.lap("data loaded for the candidates");
        new Replay().run(engine, data, outcomes, outcome, snapshots, rows);
        clock.lap("replayed " + snapshots.size() + " snapshots: " + rows.size() + " examples");
        return rows;
    }

    private static ScoreDefinition candidateScore(String name, String type, ScoreType scoreType, List<Group> groups) {
        return new ScoreDefinition(name, type, scoreType, null, null, List.of(), List.of(), List.of(), null, null,
                null, null, null, groups, SourcePosition.UNKNOWN);
    }

    private static long countConverted(FeatureRows rows) {
        long n = 0;
        for (int r = 0; r < rows.size(); r++) {
            n += rows.converted(r) ? 1 : 0;
        }
        return n;
    }

    /** Weights to integer points: the strongest gets {@value #TOP_POINTS}, the rest in proportion; 0 drops a rule. */
    static int[] points(double[] weights) {
        double max = Arrays.stream(weights).map(Math::abs).max().orElse(0);
        int[] out = new int[weights.length];
        for (int f = 0; f < weights.length && max > 0; f++) {
            out[f] = (int) Math.round(weights[f] / max * TOP_POINTS);
        }
        return out;
    }

    private static List<Kept> kept(FeatureRows rows, int[] training, List<Candidates.Candidate> candidates, int[] points) {
        List<Kept> out = new ArrayList<>();
        for (int f = 0; f < points.length; f++) {
            if (points[f] == 0) {
                continue;
            }
            long with = 0, cw = 0, without = 0, cwo = 0;
            for (int r : training) {
                boolean c = rows.converted(r);
                if (rows.has(r, f)) {
                    with++;
                    cw += c ? 1 : 0;
                } else {
                    without++;
                    cwo += c ? 1 : 0;
                }
            }
            if (Math.abs(z(with, cw, without, cwo)) < 2) {
                continue; // kept by the model for a shade of log-odds, but the rates with and without do not differ beyond noise
            }
            Candidates.Candidate c = candidates.get(f);
            out.add(new Kept(c.rule(), c.event(), points[f], with, cw, without, cwo));
        }
        out.sort((a, b) -> Integer.compare(Math.abs(b.points()), Math.abs(a.points())));
        return out;
    }

    /** The two-proportion z statistic of the conversion rates with and without a criterion. */
    static double z(long with, long convertedWith, long without, long convertedWithout) {
        if (with == 0 || without == 0) {
            return 0;
        }
        double p1 = (double) convertedWith / with, p0 = (double) convertedWithout / without;
        double p = (double) (convertedWith + convertedWithout) / (with + without);
        double se = Math.sqrt(p * (1 - p) * (1.0 / with + 1.0 / without));
        return se == 0 ? 0 : (p1 - p0) / se;
    }

    /**
     * Statuses at the held-out conversion quantiles: High from the median value of the held-out
     * records that converted, Medium from their 20th percentile, Low from the lowest value the
     * rules can give (for a combined score, the same per part as its levels).
     */
    private static ScoreDefinition withStatuses(Options o, String type, List<Kept> kept, FeatureRows rows,
                                                int[] heldOut, int[] points, boolean[] event) {
        ScoreType scoreType = ScoreType.valueOf(o.kind().name());
        if (scoreType != ScoreType.COMBINED) {
            double[] q = convertedQuantiles(rows, heldOut, points);
            int low = kept.stream().mapToInt(Kept::points).filter(p -> p < 0).sum();
            int medium = Math.max((int) q[0], low + 1), high = Math.max((int) q[1], medium + 1);
            List<StatusThreshold> statuses = List.of(status("Low", low), status("Medium", medium), status("High", high));
            return SuggestionText.definition(o.name(), type, scoreType, kept, statuses, null, null);
        }
        return SuggestionText.definition(o.name(), type, scoreType, kept, List.of(),
                levels(rows, heldOut, part(points, event, false)), levels(rows, heldOut, part(points, event, true)));
    }

    /** The points of the event rules ({@code events}) or of the property rules only: one part of a combined score. */
    private static int[] part(int[] points, boolean[] event, boolean events) {
        int[] out = points.clone();
        for (int f = 0; f < out.length; f++) {
            if (event[f] != events) {
                out[f] = 0;
            }
        }
        return out;
    }

    private static Levels levels(FeatureRows rows, int[] heldOut, int[] points) {
        double[] q = convertedQuantiles(rows, heldOut, points);
        int medium = Math.max(1, (int) q[0]), high = Math.max((int) q[1], medium + 1);
        return new Levels(BigDecimal.valueOf(high), BigDecimal.valueOf(medium));
    }

    /** The 20th percentile and the median of the converted held-out records' values. */
    private static double[] convertedQuantiles(FeatureRows rows, int[] heldOut, int[] points) {
        double[] v = Arrays.stream(heldOut).filter(rows::converted).mapToDouble(r -> rows.value(r, points)).sorted().toArray();
        if (v.length == 0) {
            return new double[]{1, 2};
        }
        return new double[]{v[(int) (0.2 * (v.length - 1))], v[(int) (0.5 * (v.length - 1))]};
    }

    private static StatusThreshold status(String label, int from) {
        return new StatusThreshold(label, BigDecimal.valueOf(from), SourcePosition.UNKNOWN);
    }

    /** Held-out AUC above 0.5 by more than twice its standard error (Hanley and McNeil) and by at least 0.05. */
    static boolean betterThanChance(ScoreBacktest b) {
        double a = b.auc();
        if (Double.isNaN(a)) {
            return false;
        }
        double p = b.converted(), n = b.examples() - b.converted();
        double q1 = a / (2 - a), q2 = 2 * a * a / (1 + a);
        double se = Math.sqrt((a * (1 - a) + (p - 1) * (q1 - a * a) + (n - 1) * (q2 - a * a)) / (p * n));
        return a >= 0.55 && a - 2 * se > 0.5;
    }

    private static List<String> header(Outcome outcome, FeatureRows rows, List<Instant> train, List<Instant> later,
                                       ScoreBacktest heldOut) {
        return List.of("Suggested by scoreline suggest: outcome " + Outcome.text(outcome.end()) + " within "
                        + outcome.windowText() + " of a snapshot, after " + Outcome.text(outcome.start()),
                String.format(Locale.ROOT, "fitted on %d snapshots (%s to %s), backtested on %d later ones: held-out AUC %.2f, %d examples, %d converted",
                        train.size(), day(train.get(0)), day(train.get(train.size() - 1)), later.size(), heldOut.auc(),
                        heldOut.examples(), heldOut.converted()),
                "properties are read as the data holds them now: a property that changed after a snapshot leaks into it",
                "this file is yours to edit: check it with 'scoreline check', backtest it with 'scoreline backtest'");
    }

    /**
     * Progress lines with the seconds each step took, and the processor time the process spent
     * in it (on a busy machine the two differ a lot).
     */
    private static final class Clock {
        private final java.util.function.Consumer<String> out;
        private long last = System.nanoTime();
        private long lastCpu = cpu();

        Clock(java.util.function.Consumer<String> out) {
            this.out = out;
        }

        void lap(String what) {
            long now = System.nanoTime(), cpu = cpu();
            out.accept(String.format(Locale.ROOT, "%s (%.1f s, processor %.1f s)", what, (now - last) / 1e9,
                    (cpu - lastCpu) / 1e9));
            last = now;
            lastCpu = cpu;
        }

        private static long cpu() {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
        }
    }

    private static String day(Instant i) {
        return i.toString().substring(0, 10);
    }
}
