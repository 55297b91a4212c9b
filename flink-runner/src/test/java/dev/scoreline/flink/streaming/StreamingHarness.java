package dev.scoreline.flink.streaming;

import dev.scoreline.api.DataChange;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.flink.internal.UpdateType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The streaming job's two keyed stages in Flink's operator test harnesses, wired as the job wires
 * them (each change to the keeper of every record it touches, each delta to the scorer of its
 * target), with processing time set by hand, state snapshotted and restored as at a checkpoint.
 * Generic types are off and every record crosses its serializer, as on a cluster.
 */
final class StreamingHarness implements AutoCloseable {

    /** Both stages' state at a checkpoint. */
    record Snapshot(OperatorSubtaskState keeper, OperatorSubtaskState scorer, long now, long seq) { }

    private final KeyedOneInputStreamOperatorTestHarness<String, FeedChange, Delta> keeper;
    private final KeyedOneInputStreamOperatorTestHarness<String, Delta, ScoreUpdate> scorer;
    private long seq;
    private long now;

    private StreamingHarness(Stages.Rules rules, Snapshot from, long start) throws Exception {
        keeper = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new RecordKeeper(rules)),
                c -> c.key().toString(), Types.STRING);
        scorer = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new LiveKeyScorer(rules)),
                d -> d.target().toString(), Types.STRING);
        ((SerializerConfigImpl) keeper.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        ((SerializerConfigImpl) scorer.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        keeper.setup(new Delta.Serializer());
        scorer.setup(new UpdateType.Serializer());
        if (from != null) {
            keeper.initializeState(from.keeper());
            scorer.initializeState(from.scorer());
        }
        keeper.open();
        scorer.open();
        now = from == null ? start : from.now();
        keeper.setProcessingTime(now);
        scorer.setProcessingTime(now);
        seq = from == null ? 0 : from.seq();
    }

    static StreamingHarness start(Stages.Rules rules, long now) throws Exception {
        return new StreamingHarness(rules, null, now);
    }

    static StreamingHarness restore(Stages.Rules rules, Snapshot snapshot) throws Exception {
        return new StreamingHarness(rules, snapshot, 0);
    }

    /** One change of the feed at the current processing time; returns the updates it led to. */
    List<ScoreUpdate> apply(DataChange change) throws Exception {
        FeedChange read = FeedChange.of(seq++, change);
        for (FeedChange end : read.ends()) {
            keeper.processElement(new StreamRecord<>(end));
        }
        List<Delta> deltas = new ArrayList<>(keeper.extractOutputValues());
        keeper.getOutput().clear();
        for (Delta d : deltas) {
            scorer.processElement(new StreamRecord<>(d));
        }
        return drain();
    }

    /** Moves processing time on: the timers that fell due fire; returns their updates. */
    List<ScoreUpdate> advanceTo(long at) throws Exception {
        now = at;
        keeper.setProcessingTime(at);
        scorer.setProcessingTime(at);
        return drain();
    }

    Snapshot snapshot(long checkpoint) throws Exception {
        return new Snapshot(keeper.snapshot(checkpoint, now), scorer.snapshot(checkpoint, now), now, seq);
    }

    /** How many timers the scoring stage holds: one per record whose value can change with time alone. */
    int timers() {
        return scorer.numProcessingTimeTimers();
    }

    private List<ScoreUpdate> drain() {
        List<ScoreUpdate> out = new ArrayList<>(scorer.extractOutputValues());
        scorer.getOutput().clear();
        return out;
    }

    @Override
    public void close() throws Exception {
        keeper.close();
        scorer.close();
    }
}
