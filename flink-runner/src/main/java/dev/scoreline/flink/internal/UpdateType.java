package dev.scoreline.flink.internal;

import dev.scoreline.api.ScoreUpdate;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The serializer of the score updates the scoring stage hands the sink. */
public final class UpdateType {

    private UpdateType() { }

    public static final TypeInformation<ScoreUpdate> TYPE = CodecSerializer.typeInfo(ScoreUpdate.class, new Serializer());

    /** ScoreUpdate's serializer. */
    public static final class Serializer extends CodecSerializer<ScoreUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(ScoreUpdate u, DataOutputView out) throws IOException {
            FactsCodec.writeResult(u.result(), out);
            out.writeBoolean(u.previousValue() != null);
            if (u.previousValue() != null) {
                out.writeUTF(u.previousValue().toString());
            }
            out.writeBoolean(u.previousStatus() != null);
            if (u.previousStatus() != null) {
                out.writeUTF(u.previousStatus());
            }
            out.writeLong(u.at().getEpochSecond());
            out.writeInt(u.at().getNano());
            out.writeUTF(u.cause());
        }

        @Override
        protected ScoreUpdate read(DataInputView in) throws IOException {
            var result = FactsCodec.readResult(in);
            BigDecimal previous = in.readBoolean() ? new BigDecimal(in.readUTF()) : null;
            String status = in.readBoolean() ? in.readUTF() : null;
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new ScoreUpdate(result, previous, status, at, in.readUTF());
        }

        @Override
        public TypeSerializerSnapshot<ScoreUpdate> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ScoreUpdate> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
