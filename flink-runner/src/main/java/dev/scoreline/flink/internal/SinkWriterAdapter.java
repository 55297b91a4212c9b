package dev.scoreline.flink.internal;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.flink.SinkTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 over the sink plugins: each writing task opens its plugin sink, hands it updates in
 * batches, and makes them durable at every flush (a checkpoint, or the end of a batch job), so
 * what a finished job reports written is written.
 */
public final class SinkWriterAdapter implements Sink<ScoreUpdate> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1000;

    private final SinkTarget target;

    public SinkWriterAdapter(SinkTarget target) {
        this.target = target;
    }

    @Override
    public SinkWriter<ScoreUpdate> createWriter(WriterInitContext context) throws IOException {
        ScoreSink sink = target.open(context.getTaskInfo().getIndexOfThisSubtask());
        try {
            sink.open();
        } catch (Exception e) {
            throw new ScorelineException(ErrorCode.SINK_OPEN, "sink " + sink.name() + " cannot be opened: " + e.getMessage(),
                    "check the sink's settings and that every task manager can reach its target", e);
        }
        return new Writer(sink);
    }

    private static final class Writer implements SinkWriter<ScoreUpdate> {
        private final ScoreSink sink;
        private final List<ScoreUpdate> pending = new ArrayList<>();

        Writer(ScoreSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(ScoreUpdate update, Context context) {
            pending.add(update);
            if (pending.size() >= BATCH) {
                deliver();
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            deliver();
            try {
                sink.flush();
            } catch (Exception e) {
                throw failed(e);
            }
        }

        private void deliver() {
            if (pending.isEmpty()) {
                return;
            }
            try {
                sink.write(List.copyOf(pending));
            } catch (Exception e) {
                throw failed(e);
            }
            pending.clear();
        }

        private ScorelineException failed(Exception e) {
            return new ScorelineException(ErrorCode.SINK_FAILED, "sink " + sink.name() + " failed: " + e.getMessage(),
                    "the job fails and Flink restarts it from its last checkpoint (the sink keys are idempotent)", e);
        }

        @Override
        public void close() throws Exception {
            deliver();
            sink.close();
        }
    }
}
