package dev.scoreline.flink.streaming;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.flink.internal.CodecSerializer;
import dev.scoreline.flink.internal.FactsCodec;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What the first stage tells the scoring stage of record {@code target} about one change: to its
 * own data, to its links, or to the data of a record it is linked to. Each carries the change's
 * place in the feed ({@code seq}) and its cause text, which the updates it leads to carry.
 *
 * @param other the linked record a link or neighbour delta is about (null for the record's own)
 * @param record the record's (or the neighbour's) properties and lists as they are now, when they changed
 * @param events the event appended, or, for {@link Kind#NEIGHBOUR}, all the neighbour's events
 * @param labels the labels of an association added
 */
public record Delta(Kind kind, RecordKey target, long seq, String cause, RecordKey other, CrmRecord record,
                    List<CrmEvent> events, List<String> labels) {

    /** What changed. */
    public enum Kind {
        /** The record itself was added or changed (properties, lists). */
        OWN_RECORD,
        /** An event of the record. */
        OWN_EVENT,
        /** The record was removed, with its events and links. */
        OWN_REMOVED,
        /** An association with {@code other} (labels add up). */
        LINK,
        /** The association with {@code other} was removed. */
        UNLINK,
        /** The whole summary of a newly linked record (its record and events). */
        NEIGHBOUR,
        /** A linked record's properties or lists changed. */
        NEIGHBOUR_RECORD,
        /** A linked record's event. */
        NEIGHBOUR_EVENT,
        /** A linked record was removed, or its association with the target: its summary is no longer read. */
        NEIGHBOUR_GONE
    }

    public Delta {
        events = events == null ? List.of() : events;
        labels = labels == null ? List.of() : labels;
    }

    static Delta own(Kind kind, RecordKey target, FeedChange c, String cause, CrmRecord record, CrmEvent event) {
        return new Delta(kind, target, c.seq(), cause, null, record, event == null ? null : List.of(event), null);
    }

    static Delta about(Kind kind, RecordKey target, RecordKey other, FeedChange c, String cause, CrmRecord record,
                       List<CrmEvent> events, List<String> labels) {
        return new Delta(kind, target, c.seq(), cause, other, record, events, labels);
    }

    public static final TypeInformation<Delta> TYPE = CodecSerializer.typeInfo(Delta.class, new Serializer());

    /** Delta's serializer. */
    public static final class Serializer extends CodecSerializer<Delta> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(Delta d, DataOutputView out) throws IOException {
            out.writeByte(d.kind.ordinal());
            FactsCodec.writeKey(d.target, out);
            out.writeLong(d.seq);
            out.writeUTF(d.cause);
            out.writeBoolean(d.other != null);
            if (d.other != null) {
                FactsCodec.writeKey(d.other, out);
            }
            out.writeBoolean(d.record != null);
            if (d.record != null) {
                FactsCodec.writeRecord(d.record, out);
            }
            FactsCodec.writeList(d.events, out, FactsCodec::writeEvent);
            FactsCodec.writeList(d.labels, out, (s, o) -> o.writeUTF(s));
        }

        @Override
        protected Delta read(DataInputView in) throws IOException {
            Kind kind = Kind.values()[in.readByte()];
            RecordKey target = FactsCodec.readKey(in);
            long seq = in.readLong();
            String cause = in.readUTF();
            RecordKey other = in.readBoolean() ? FactsCodec.readKey(in) : null;
            CrmRecord record = in.readBoolean() ? FactsCodec.readRecord(in) : null;
            List<CrmEvent> events = FactsCodec.readList(in, FactsCodec::readEvent);
            List<String> labels = FactsCodec.readList(in, java.io.DataInput::readUTF);
            return new Delta(kind, target, seq, cause, other, record, events, labels);
        }

        @Override
        public TypeSerializerSnapshot<Delta> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Delta> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
