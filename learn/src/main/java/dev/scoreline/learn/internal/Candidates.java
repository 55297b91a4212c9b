package dev.scoreline.learn.internal;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The criteria a suggestion may pick from, drawn from the data (docs/outcomes.md): per property of
 * the records, whether it is known, its frequent values, the frequent words in its values and, for
 * numbers, thresholds at quantiles; per event type, how many times it occurred in the last 30, 90
 * and 365 days; per event property, its frequent values and words, counted in the last 30 and 90
 * days. Each is a rule worth 1 point, so the engine decides which records meet it.
 */
public final class Candidates {

    /** The criteria, and the first event of a record of the type at or before NOW (the snapshots start there). */
    public record Drawn(List<Candidate> candidates, java.util.Optional<Instant> firstEvent) { }

    /** A criterion: its rule (1 point) and whether it reads events. */
    public record Candidate(Rule rule, boolean event) { }

    static final double FREQUENT = 0.03;
    static final int PER_PROPERTY = 6;
    static final int[] COUNT_DAYS = {30, 90, 365};
    static final int[] COUNT_AT_LEAST = {1, 3, 10};
    static final int[] VALUE_DAYS = {30, 90};
    static final int[] VALUE_AT_LEAST = {1, 3};
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private Candidates() { }

    /** Reads the records of {@code type} and their events before {@code now} once; an opened adapter. */
    public static Drawn fromData(CrmAdapter adapter, String type, Instant now, boolean properties, boolean events) {
        ValueStats.Table records = new ValueStats.Table();
        try (Stream<CrmRecord> s = adapter.records()) {
            s.filter(r -> r.key().type().equalsIgnoreCase(type)).forEach(r -> records.add(r.properties()));
        }
        Map<String, ValueStats.Table> eventProps = new HashMap<>();
        Map<String, long[]> eventCounts = new HashMap<>();
        long[] first = {Long.MAX_VALUE};
        try (Stream<CrmEvent> s = adapter.events()) {
            s.filter(e -> e.record().type().equalsIgnoreCase(type) && !e.at().isAfter(now)).forEach(e -> {
                first[0] = Math.min(first[0], e.at().toEpochMilli());
                if (events && NAME.matcher(e.type()).matches()) {
                    eventCounts.computeIfAbsent(e.type(), k -> new long[1])[0]++;
                    eventProps.computeIfAbsent(e.type(), k -> new ValueStats.Table()).add(e.properties());
                }
            });
        }
        List<Candidate> out = new ArrayList<>();
        if (properties) {
            records.columns().forEach((p, stats) -> propertyCandidates(p, stats, records.rows(), out));
        }
        eventCounts.keySet().stream().sorted().forEach(t -> eventCandidates(t, eventProps.get(t), out));
        return new Drawn(out, first[0] == Long.MAX_VALUE ? java.util.Optional.empty()
                : java.util.Optional.of(Instant.ofEpochMilli(first[0])));
    }

    private static void propertyCandidates(String p, ValueStats stats, long rows, List<Candidate> out) {
        if (!NAME.matcher(p).matches() || rows == 0) {
            return;
        }
        double known = (double) stats.known() / rows;
        if (known >= 0.05 && known <= 0.95) {
            out.add(property(new Condition.Predicate(p, Condition.Operator.KNOWN, List.of(), null, SourcePosition.UNKNOWN)));
        }
        long least = Math.max(1, Math.round(FREQUENT * rows));
        for (String v : stats.frequentValues(least, PER_PROPERTY)) {
            out.add(property(predicate(p, Condition.Operator.IS, new Value.Text(v))));
        }
        for (String w : stats.frequentWords(least, PER_PROPERTY)) {
            out.add(property(predicate(p, Condition.Operator.CONTAINS, new Value.Text(w))));
        }
        for (BigDecimal q : stats.numberThresholds(new double[]{0.25, 0.5, 0.75, 0.9})) {
            out.add(property(predicate(p, Condition.Operator.GREATER_OR_EQUAL, new Value.Number(q))));
        }
    }

    private static void eventCandidates(String type, ValueStats.Table props, List<Candidate> out) {
        for (int days : COUNT_DAYS) {
            for (int k : COUNT_AT_LEAST) {
                out.add(occurs(new EventFilter(type, null), k, days));
            }
        }
        long least = Math.max(1, Math.round(0.05 * props.rows()));
        props.columns().forEach((p, stats) -> {
            if (!NAME.matcher(p).matches()) {
                return;
            }
            List<Condition> filters = new ArrayList<>();
            stats.frequentValues(least, 4).forEach(v -> filters.add(predicate(p, Condition.Operator.IS, new Value.Text(v))));
            stats.frequentWords(least, 4).stream().filter(w -> stats.wordRows(w) <= 0.9 * props.rows())
                    .forEach(w -> filters.add(predicate(p, Condition.Operator.CONTAINS, new Value.Text(w))));
            for (Condition c : filters) {
                for (int days : VALUE_DAYS) {
                    for (int k : VALUE_AT_LEAST) {
                        out.add(occurs(new EventFilter(type, c), k, days));
                    }
                }
            }
        });
    }

    private static Condition predicate(String p, Condition.Operator op, Value v) {
        return new Condition.Predicate(p, op, List.of(v), null, SourcePosition.UNKNOWN);
    }

    private static Candidate property(Condition c) {
        return new Candidate(new Rule.PropertyRule(BigDecimal.ONE, c, null, SourcePosition.UNKNOWN), false);
    }

    private static Candidate occurs(EventFilter e, int atLeast, int days) {
        return new Candidate(new Rule.FrequencyRule(BigDecimal.ONE, e, new Frequency(Frequency.Kind.AT_LEAST, atLeast, 0),
                new Timeframe.InTheLast(days, TimeUnit.DAY), null, SourcePosition.UNKNOWN), true);
    }

    /** Two significant digits: a threshold a reader can take in. */
    static BigDecimal round(double v) {
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros();
    }
}
