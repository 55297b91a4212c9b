package dev.scoreline.bench;

import dev.scoreline.bench.internal.Values;

import java.util.List;

/**
 * The shape of one score of a scenario, as its {@code .score} text says: groups with their limits,
 * {@code start at} and decay, the total's limit and minimum, the statuses and list scope. The
 * baselines compute group sums themselves and share {@link #finish} for what language.md §8 does
 * after: group clamps, total, clamps, rounding, status.
 */
public record ScoreSpec(String name, String objectType, List<Group> groups, double limit, double minimum,
                        List<Status> statuses, List<String> includeLists, List<String> excludeLists) {

    /** A group; {@code limit} NaN when it has none; decay 0% when it does not decay. */
    public record Group(String name, double limit, double startAt, int decayPercent, int decayMonths) {
        public static Group of(String name, double limit) {
            return new Group(name, limit, 0, 0, 1);
        }

        public Group decay(int percent, int months) {
            return new Group(name, limit, startAt, percent, months);
        }

        public Group startAt(double start) {
            return new Group(name, limit, start, decayPercent, decayMonths);
        }
    }

    /** A status label from a threshold. */
    public record Status(String label, double from) { }

    public static final List<Status> ENGAGEMENT_STATUSES = List.of(
            new Status("High", 70), new Status("Medium", 40), new Status("Low", Double.NEGATIVE_INFINITY));
    public static final List<Status> HEALTH_STATUSES = List.of(
            new Status("Healthy", 70), new Status("Neutral", 40), new Status("At risk", Double.NEGATIVE_INFINITY));

    public ScoreSpec {
        groups = List.copyOf(groups);
        statuses = statuses.stream().sorted((a, b) -> Double.compare(b.from(), a.from())).toList();
        includeLists = List.copyOf(includeLists);
        excludeLists = List.copyOf(excludeLists);
    }

    public int groupIndex(String group) {
        for (int g = 0; g < groups.size(); g++) if (groups.get(g).name().equals(group)) return g;
        throw new IllegalArgumentException("no group " + group + " in " + name);
    }

    /** Whether a record with these lists is scored (language.md §5). */
    public boolean inScope(List<String> lists) {
        if (!includeLists.isEmpty()) {
            boolean in = false;
            for (String l : includeLists) if (Values.inList(lists, l)) { in = true; break; }
            if (!in) return false;
        }
        for (String l : excludeLists) if (Values.inList(lists, l)) return false;
        return true;
    }

    /**
     * From the raw sums of each group's rules (without {@code start at}) to the reported values:
     * fills {@code groupsOut} with the rounded group values and returns the rounded total.
     */
    public double finish(double[] raw, double[] groupsOut) {
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group gr = groups.get(g);
            double v = gr.startAt() + raw[g];
            if (!Double.isNaN(gr.limit())) v = Math.max(-gr.limit(), Math.min(gr.limit(), v));
            total += v;
            groupsOut[g] = Values.round2(v);
        }
        if (!Double.isNaN(minimum)) total = Math.max(minimum, total);
        if (!Double.isNaN(limit)) total = Math.min(limit, total);
        return Values.round2(total);
    }

    /** The status of a rounded total: the label of the highest {@code from} ≤ total, else the lowest. */
    public String status(double roundedTotal) {
        for (Status s : statuses) if (s.from() <= roundedTotal) return s.label();
        return statuses.get(statuses.size() - 1).label();
    }

    /** The points of an event of age {@code ageMs} in group g (language.md §9). */
    public static double decayFactor(Group g, long ageMs) {
        if (g.decayPercent() == 0) return 1;
        long steps = ageMs / (30L * 86_400_000L * g.decayMonths());
        return Math.max(0, 1 - steps * g.decayPercent() / 100.0);
    }
}
