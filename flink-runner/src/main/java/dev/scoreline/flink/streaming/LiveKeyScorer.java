package dev.scoreline.flink.streaming;

import dev.scoreline.api.Association;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.ChangeText;
import dev.scoreline.engine.RecordScorer;
import dev.scoreline.flink.internal.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Second stage of the streaming job, keyed by record: keeps the record's own data, its links and
 * the summaries of the records it is linked to, re-scores it with the task's {@link RecordScorer}
 * whenever a delta changes what its scores read, and emits the updates the live engine emits
 * ({@link ChangeText#update}: only what changed, with the previous value and the cause). After
 * every re-score one processing-time timer is set at the record's next-change instant (a decay
 * step, an event leaving a timeframe); when it fires the record is re-scored at that time with
 * no new data, as {@code LiveScores.advanceTo} re-scores the records that fell due. NOW is the
 * task's processing time, as it is the clock for a live engine.
 */
public final class LiveKeyScorer extends KeyedProcessFunction<String, Delta, ScoreUpdate> {

    private static final long serialVersionUID = 1L;

    private final Stages.Rules rules;
    private transient RecordScorer scorer;
    private transient ValueState<ScoredRecord> own;
    private transient MapState<String, RecordScorer.Summary> neighbours;

    public LiveKeyScorer(Stages.Rules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext context) {
        scorer = RecordScorer.create(rules.get(), new Stages.Logged());
        own = getRuntimeContext().getState(new ValueStateDescriptor<>("scored", ScoredRecord.TYPE));
        neighbours = getRuntimeContext().getMapState(new MapStateDescriptor<>("neighbours", Types.STRING,
                ScoredRecord.SUMMARY));
    }

    @Override
    public void processElement(Delta d, Context ctx, Collector<ScoreUpdate> out) throws Exception {
        ScoredRecord r = own.value();
        if (r == null) {
            r = new ScoredRecord();
        }
        long now = ctx.timerService().currentProcessingTime();
        if (apply(d, r, now, ctx.timerService(), out)) {
            rescore(r, d.target(), now, d.cause(), ctx.timerService(), out);
        }
        own.update(r);
    }

    /** Applies the delta to the kept state; true when the record must be re-scored. */
    private boolean apply(Delta d, ScoredRecord r, long now, TimerService timers, Collector<ScoreUpdate> out)
            throws Exception {
        switch (d.kind()) {
            case OWN_RECORD -> r.record = d.record();
            case OWN_EVENT -> r.events.addAll(d.events());
            case OWN_REMOVED -> {
                removed(r, now, d.cause(), timers, out);
                return false;
            }
            case LINK -> {
                Long gone = r.gone.remove(d.other());
                if (gone != null && gone >= d.seq()) {
                    return false; // the other end was not in the data when the association came
                }
                r.links.computeIfAbsent(d.other(), k -> new ScoredRecord.Link()).add(d.labels(), d.seq());
            }
            case UNLINK -> r.links.remove(d.other());
            case NEIGHBOUR -> neighbours.put(d.other().toString(), new RecordScorer.Summary(d.record(), d.events()));
            case NEIGHBOUR_RECORD, NEIGHBOUR_EVENT -> {
                RecordScorer.Summary s = neighbours.get(d.other().toString());
                if (s == null) {
                    return false;
                }
                neighbours.put(d.other().toString(), d.kind() == Delta.Kind.NEIGHBOUR_RECORD
                        ? new RecordScorer.Summary(d.record(), s.events()) : withEvents(s, d));
            }
            case NEIGHBOUR_GONE -> {
                neighbours.remove(d.other().toString());
                ScoredRecord.Link link = r.links.get(d.other());
                // A removed (or missing) record's associations go with it, unless the link is newer than the removal.
                if (link == null) {
                    r.gone.put(d.other(), d.seq()); // its link, if it comes from this or an older change, is void
                } else if (link.seq <= d.seq()) {
                    r.links.remove(d.other());
                }
                return link != null;
            }
        }
        boolean aboutNeighbour = d.other() != null && d.kind() != Delta.Kind.LINK && d.kind() != Delta.Kind.UNLINK;
        return r.record != null && (!aboutNeighbour || r.links.containsKey(d.other()));
    }

    private static RecordScorer.Summary withEvents(RecordScorer.Summary s, Delta d) {
        List<dev.scoreline.api.CrmEvent> events = new ArrayList<>(s.events());
        events.addAll(d.events());
        return new RecordScorer.Summary(s.record(), events);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoreUpdate> out) throws Exception {
        ScoredRecord r = own.value();
        if (r == null || r.record == null || r.timer != timestamp) {
            return;
        }
        r.timer = ScoredRecord.NO_TIMER;
        rescore(r, r.record.key(), ctx.timerService().currentProcessingTime(), ChangeText.TIME_MOVED,
                ctx.timerService(), out);
        own.update(r);
    }

    private void rescore(ScoredRecord r, RecordKey self, long now, String cause, TimerService timers,
                         Collector<ScoreUpdate> out) throws Exception {
        if (r.record == null) {
            return;
        }
        List<Association> associations = new ArrayList<>(r.links.size());
        Map<RecordKey, RecordScorer.Summary> read = new HashMap<>();
        for (Map.Entry<RecordKey, ScoredRecord.Link> link : r.links.entrySet()) {
            RecordScorer.Summary s = neighbours.get(link.getKey().toString());
            if (s != null) {
                read.put(link.getKey(), s);
                associations.add(new Association(self, link.getKey(), new LinkedHashSet<>(link.getValue().labels)));
            }
        }
        Instant at = Instant.ofEpochMilli(now);
        RecordScorer.Scored scored = scorer.score(new RecordScorer.Facts(r.record, r.events, associations), read, at);
        Map<String, ScoreResult> before = new HashMap<>();
        r.results.forEach(x -> before.put(x.score(), x));
        for (ScoreResult after : scored.results()) {
            emit(ChangeText.update(before.remove(after.score()), after, at, cause), out);
        }
        for (ScoreResult gone : r.results) {
            if (before.containsKey(gone.score())) {
                emit(ChangeText.update(gone, null, at, cause), out);
            }
        }
        r.results = scored.results();
        setTimer(r, scored.nextChange() == null ? ScoredRecord.NO_TIMER : scored.nextChange().toEpochMilli(), timers);
    }

    /** The record left the data: every value it had leaves scope, and nothing of it is kept but what others send. */
    private static void removed(ScoredRecord r, long now, String cause, TimerService timers, Collector<ScoreUpdate> out) {
        Instant at = Instant.ofEpochMilli(now);
        for (ScoreResult had : r.results) {
            out.collect(ChangeText.leftScope(had, at, cause));
        }
        setTimer(r, ScoredRecord.NO_TIMER, timers);
        r.record = null;
        r.events = new ArrayList<>();
        r.links.clear();
        r.gone.clear();
        r.results = List.of();
    }

    private static void setTimer(ScoredRecord r, long next, TimerService timers) {
        if (r.timer == next) {
            return;
        }
        if (r.timer != ScoredRecord.NO_TIMER) {
            timers.deleteProcessingTimeTimer(r.timer);
        }
        if (next != ScoredRecord.NO_TIMER) {
            timers.registerProcessingTimeTimer(next);
        }
        r.timer = next;
    }

    private static void emit(ScoreUpdate update, Collector<ScoreUpdate> out) {
        if (update != null) {
            out.collect(update);
        }
    }
}
