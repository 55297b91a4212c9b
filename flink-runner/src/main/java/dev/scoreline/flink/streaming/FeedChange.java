package dev.scoreline.flink.streaming;

import dev.scoreline.engine.ChangeText;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.RecordKey;
import dev.scoreline.flink.internal.CodecSerializer;
import dev.scoreline.flink.internal.FactsCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One change of the feed, numbered in feed order ({@code seq}), for the record {@code key} whose
 * data it changes: the source emits it for the change's first record, and {@link #ends} gives a
 * copy for each record it touches (an association: both ends).
 */
public record FeedChange(RecordKey key, long seq, DataChange change) {

    /** The change as read from the feed, keyed by the first record it touches. */
    public static FeedChange of(long seq, DataChange change) {
        return new FeedChange(ChangeText.records(change).get(0), seq, change);
    }

    /** A copy for each record whose own data the change touches (an association with itself: one). */
    public List<FeedChange> ends() {
        List<FeedChange> out = new ArrayList<>(2);
        for (RecordKey k : ChangeText.records(change)) {
            if (out.stream().noneMatch(c -> c.key().equals(k))) {
                out.add(new FeedChange(k, seq, change));
            }
        }
        return out;
    }

    public static final TypeInformation<FeedChange> TYPE = CodecSerializer.typeInfo(FeedChange.class, new Serializer());

    /** FeedChange's serializer. */
    public static final class Serializer extends CodecSerializer<FeedChange> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(FeedChange c, DataOutputView out) throws IOException {
            FactsCodec.writeKey(c.key, out);
            out.writeLong(c.seq);
            ChangeCodec.write(c.change, out);
        }

        @Override
        protected FeedChange read(DataInputView in) throws IOException {
            RecordKey key = FactsCodec.readKey(in);
            long seq = in.readLong();
            return new FeedChange(key, seq, ChangeCodec.read(in));
        }

        @Override
        public TypeSerializerSnapshot<FeedChange> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeedChange> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
