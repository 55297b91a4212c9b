package dev.scoreline.flink.streaming;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.flink.internal.StreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source over an adapter's change feed ({@link dev.scoreline.api.ChangeFeed}): one split,
 * the feed, read by one reader that polls it every {@code poll} and emits each change numbered in
 * feed order. The feed's watermark (for the jsonl and csv adapters: per file, the byte offset read
 * through and what identifies the bytes read) is the split's state, so a checkpoint holds exactly
 * where the feed was read to. Parsing is the adapter's own, so every line reads as in one JVM.
 *
 * <p>{@code untilCaughtUp}: the source ends after the first poll that finds nothing new (a catch-up
 * run over what the folder holds, and the tests); otherwise it runs until the job is cancelled.
 */
public final class ChangeFeedSource implements Source<FeedChange, FeedSplit, List<FeedSplit>> {

    private static final long serialVersionUID = 1L;

    private final StreamReader.SerializableSupplier<CrmAdapter> adapter;
    private final long pollMillis;
    private final boolean untilCaughtUp;

    public ChangeFeedSource(StreamReader.SerializableSupplier<CrmAdapter> adapter, Duration poll, boolean untilCaughtUp) {
        this.adapter = adapter;
        this.pollMillis = poll.toMillis();
        this.untilCaughtUp = untilCaughtUp;
    }

    @Override
    public Boundedness getBoundedness() {
        return untilCaughtUp ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<FeedChange, FeedSplit> createReader(SourceReaderContext context) {
        return new FeedReader(adapter, pollMillis, untilCaughtUp);
    }

    @Override
    public SplitEnumerator<FeedSplit, List<FeedSplit>> createEnumerator(SplitEnumeratorContext<FeedSplit> context) {
        return new Enumerator(context, new ArrayList<>(List.of(new FeedSplit(null, 0))), untilCaughtUp);
    }

    @Override
    public SplitEnumerator<FeedSplit, List<FeedSplit>> restoreEnumerator(SplitEnumeratorContext<FeedSplit> context,
                                                                          List<FeedSplit> pending) {
        return new Enumerator(context, new ArrayList<>(pending), untilCaughtUp);
    }

    @Override
    public SimpleVersionedSerializer<FeedSplit> getSplitSerializer() {
        return FeedSplit.SERIALIZER;
    }

    @Override
    public SimpleVersionedSerializer<List<FeedSplit>> getEnumeratorCheckpointSerializer() {
        return FeedSplit.PENDING;
    }

    /**
     * Hands the one split to the first reader that registers (and again to a reader after a
     * failover gives it back); the other readers, if the source runs wider than one, get none.
     */
    static final class Enumerator implements SplitEnumerator<FeedSplit, List<FeedSplit>> {
        private final SplitEnumeratorContext<FeedSplit> context;
        private final List<FeedSplit> pending;
        private final boolean bounded;

        Enumerator(SplitEnumeratorContext<FeedSplit> context, List<FeedSplit> pending, boolean bounded) {
            this.context = context;
            this.pending = pending;
            this.bounded = bounded;
        }

        @Override public void start() { }
        @Override public void handleSplitRequest(int subtask, String host) { }

        @Override
        public void addSplitsBack(List<FeedSplit> splits, int subtask) {
            pending.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {
            if (!pending.isEmpty()) {
                context.assignSplit(pending.remove(0), subtask);
            }
            if (bounded) {
                context.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public List<FeedSplit> snapshotState(long checkpoint) {
            return List.copyOf(pending);
        }

        @Override public void close() { }
    }
}
