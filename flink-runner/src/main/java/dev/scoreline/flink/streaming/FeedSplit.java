package dev.scoreline.flink.streaming;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The change feed as a split: the adapter's watermark read through (null: from the beginning) and
 * how many changes were emitted before it. It is the source's checkpointed state: a job restored
 * from a checkpoint asks the feed for the changes after this watermark, numbering them on from
 * {@code seq}, so it reads every change exactly once.
 */
public record FeedSplit(String watermark, long seq) implements SourceSplit {

    static final String ID = "change-feed";

    @Override
    public String splitId() {
        return ID;
    }

    /** The split's serializer (checkpoints, and the enumerator's assignment). */
    static final SimpleVersionedSerializer<FeedSplit> SERIALIZER = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FeedSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public FeedSplit deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }
    };

    /** The enumerator's state: the splits it has not assigned yet (the feed, until a reader takes it). */
    static final SimpleVersionedSerializer<List<FeedSplit>> PENDING = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<FeedSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (FeedSplit s : splits) {
                    write(s, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<FeedSplit> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<FeedSplit> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    };

    private static void write(FeedSplit split, DataOutputStream out) throws IOException {
        out.writeBoolean(split.watermark != null);
        if (split.watermark != null) {
            byte[] text = split.watermark.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        }
        out.writeLong(split.seq);
    }

    private static FeedSplit read(DataInputStream in) throws IOException {
        String watermark = null;
        if (in.readBoolean()) {
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            watermark = new String(text, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new FeedSplit(watermark, in.readLong());
    }
}
