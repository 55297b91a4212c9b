package dev.scoreline.engine.internal.eval;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.data.DataView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Listens to one walk of a record's events for one rule, for explanations: a line per counted
 * event (its age, decay and points) and, for a capped rule, how many events the cap left out on
 * which days.
 */
final class EventLines implements EventRuleCounter.Listener {

    /** By event, in the order counted (oldest first). */
    final Map<Integer, String> counted = new LinkedHashMap<>();
    /** Dropped events per UTC day. */
    private final Map<String, Integer> droppedByDay = new TreeMap<>();
    private final DataView data;
    private final long now;
    private final ProgramRule r;
    private final ProgramGroup g;
    private final int rec;
    private final RecordKey via;
    private final int width;
    /** Whether each counted event gets its line; without, only which events counted is kept. */
    private final boolean withText;

    EventLines(DataView data, long now, ProgramRule r, ProgramGroup g, int rec, RecordKey via, boolean withText) {
        this.withText = withText;
        this.data = data;
        this.now = now;
        this.r = r;
        this.g = g;
        this.rec = rec;
        this.via = via;
        this.width = EventRuleCounter.Layout.counters(r, g);
    }

    private boolean mine(int c) {
        return c >= r.counter && c < r.counter + width;
    }

    @Override
    public void counted(int c, int e, long at) {
        if (!mine(c)) {
            return;
        }
        if (!withText) {
            counted.put(e, "");
            return;
        }
        int steps = g.factors.length;
        int value = (c - r.counter) / steps;
        BigDecimal factor = g.factors[(c - r.counter) % steps];
        counted.put(e, (via == null ? "" : via + ": ") + Texts.event(data, rec, e) + ", " + Texts.age(at, now)
                + (g.decay == null ? "" : ", decay x" + Evaluator.plain(factor)) + ": "
                + Evaluator.plain(r.points[value].multiply(factor)));
    }

    @Override
    public void dropped(int c, int e, long at) {
        if (!mine(c)) {
            return;
        }
        counted.remove(e); // taken back for an event with more points at the same instant
        droppedByDay.merge(java.time.Instant.ofEpochMilli(at).toString().substring(0, 10), 1, Integer::sum);
    }

    /** "3 events over the cap (at most 2 per day) left out: 2026-02-03 x2, 2026-02-05 x1". */
    Optional<String> droppedText() {
        if (droppedByDay.isEmpty()) {
            return Optional.empty();
        }
        int n = droppedByDay.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder days = new StringBuilder();
        droppedByDay.forEach((day, k) -> days.append(days.length() == 0 ? "" : ", ").append(day).append(" x").append(k));
        return Optional.of((via == null ? "" : via + ": ") + n + (n == 1 ? " event" : " events")
                + " over the cap (at most " + r.cap().count() + " per " + r.cap().period().keyword()
                + ") left out: " + days);
    }
}
