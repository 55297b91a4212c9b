package dev.scoreline.flink.streaming;

import dev.scoreline.api.ChangeFeed;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.flink.internal.StreamReader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the change feed split: each poll asks the adapter for the changes after the split's
 * watermark and emits them all in one {@link #pollNext} call, so a checkpoint (taken between two
 * calls) always falls between two polls and the split's watermark is exactly what was emitted.
 * Between polls the reader waits on a timer, not in a loop.
 */
final class FeedReader implements SourceReader<FeedChange, FeedSplit> {

    private final StreamReader.SerializableSupplier<CrmAdapter> adapterSupplier;
    private final long pollMillis;
    private final boolean untilCaughtUp;
    private CrmAdapter adapter;
    private ChangeFeed feed;
    private FeedSplit split;
    private boolean noMoreSplits;
    private long nextPoll;
    private ScheduledExecutorService clock;
    private CompletableFuture<Void> wake = CompletableFuture.completedFuture(null);

    FeedReader(StreamReader.SerializableSupplier<CrmAdapter> adapter, long pollMillis, boolean untilCaughtUp) {
        this.adapterSupplier = adapter;
        this.pollMillis = pollMillis;
        this.untilCaughtUp = untilCaughtUp;
    }

    @Override
    public void start() {
        adapter = adapterSupplier.get();
        adapter.open(new Stages.Logged());
        feed = adapter.changeFeed().orElseThrow(() -> new ScorelineException(ErrorCode.NO_CHANGE_FEED,
                "adapter " + adapter.name() + " has no change feed, so the streaming job cannot follow it",
                "use an adapter with a change feed (jsonl, csv, jdbc), or run the batch job"));
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scoreline change feed timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public InputStatus pollNext(ReaderOutput<FeedChange> output) {
        if (split == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitFor(Long.MAX_VALUE);
        }
        long now = System.currentTimeMillis();
        if (now < nextPoll) {
            return waitFor(nextPoll - now);
        }
        ChangeFeed.Batch batch = changesSince(split.watermark());
        long seq = split.seq();
        for (DataChange change : batch.changes()) {
            for (FeedChange end : FeedChange.of(seq++, change).ends()) {
                output.collect(end); // to the keeper of each record the change touches
            }
        }
        split = new FeedSplit(batch.nextWatermark(), seq);
        if (batch.changes().isEmpty() && untilCaughtUp) {
            return InputStatus.END_OF_INPUT;
        }
        nextPoll = now + pollMillis;
        return batch.changes().isEmpty() ? waitFor(pollMillis) : InputStatus.MORE_AVAILABLE;
    }

    private ChangeFeed.Batch changesSince(String watermark) {
        try {
            return feed.changesSince(watermark);
        } catch (ScorelineException e) {
            throw e;
        } catch (ChangeFeed.SourceRewritten e) {
            throw new ScorelineException(ErrorCode.CHANGE_FEED, "adapter " + adapter.name() + ": " + e.getMessage()
                    + " while the streaming job followed it", "start the job anew, without its checkpoint: it"
                    + " then reads the data from the beginning", e);
        } catch (RuntimeException e) {
            throw new ScorelineException(ErrorCode.CHANGE_FEED, "the change feed of adapter " + adapter.name()
                    + " cannot be read from \"" + watermark + "\": " + e.getMessage(),
                    "check the adapter's source; the job restarts from its last checkpoint", e);
        }
    }

    /** Nothing to emit now: Flink waits on {@link #isAvailable} until the timer or a new split wakes it. */
    private InputStatus waitFor(long millis) {
        CompletableFuture<Void> next = new CompletableFuture<>();
        wake = next;
        if (millis != Long.MAX_VALUE) {
            clock.schedule(() -> next.complete(null), millis, TimeUnit.MILLISECONDS);
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return wake;
    }

    @Override
    public List<FeedSplit> snapshotState(long checkpoint) {
        return split == null ? List.of() : List.of(split);
    }

    @Override
    public void addSplits(List<FeedSplit> splits) {
        split = splits.get(0);
        wake.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        wake.complete(null);
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
        }
        if (adapter != null) {
            adapter.close();
        }
    }
}
