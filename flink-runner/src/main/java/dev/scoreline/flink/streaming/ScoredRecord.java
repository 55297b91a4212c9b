package dev.scoreline.flink.streaming;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.engine.RecordScorer;
import dev.scoreline.flink.internal.CodecSerializer;
import dev.scoreline.flink.internal.FactsCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What the scoring stage keeps of one record: its data (null record: not in the data), its links
 * (per associated record, the labels and the feed position of the latest association), its
 * current results, and the instant its timer is set to. Neighbours' summaries are kept apart, one
 * state entry per neighbour, so an event of one contact rewrites that contact's entry only.
 */
final class ScoredRecord {

    static final long NO_TIMER = Long.MIN_VALUE;

    CrmRecord record;
    List<CrmEvent> events = new ArrayList<>();
    Map<RecordKey, Link> links = new LinkedHashMap<>();
    /** Records said gone (removed, or not in the data) before their link came: links from changes up to then are void. */
    Map<RecordKey, Long> gone = new LinkedHashMap<>();
    List<ScoreResult> results = List.of();
    long timer = NO_TIMER;

    /** An association's labels (they add up, as the live engine adds them) and the feed position it was last added at. */
    static final class Link {
        TreeSet<String> labels = new TreeSet<>();
        long seq = -1;

        void add(List<String> more, long at) {
            labels.addAll(more);
            seq = Math.max(seq, at);
        }
    }

    static final TypeInformation<ScoredRecord> TYPE = CodecSerializer.typeInfo(ScoredRecord.class, new Serializer());
    static final TypeInformation<RecordScorer.Summary> SUMMARY = CodecSerializer.typeInfo(RecordScorer.Summary.class,
            new SummarySerializer());

    /** ScoredRecord's serializer. */
    public static final class Serializer extends CodecSerializer<ScoredRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(ScoredRecord r, DataOutputView out) throws IOException {
            out.writeBoolean(r.record != null);
            if (r.record != null) {
                FactsCodec.writeRecord(r.record, out);
            }
            FactsCodec.writeList(r.events, out, FactsCodec::writeEvent);
            out.writeInt(r.links.size());
            for (Map.Entry<RecordKey, Link> l : r.links.entrySet()) {
                FactsCodec.writeKey(l.getKey(), out);
                FactsCodec.writeList(List.copyOf(l.getValue().labels), out, (s, o) -> o.writeUTF(s));
                out.writeLong(l.getValue().seq);
            }
            out.writeInt(r.gone.size());
            for (Map.Entry<RecordKey, Long> g : r.gone.entrySet()) {
                FactsCodec.writeKey(g.getKey(), out);
                out.writeLong(g.getValue());
            }
            FactsCodec.writeList(r.results, out, FactsCodec::writeResult);
            out.writeLong(r.timer);
        }

        @Override
        protected ScoredRecord read(DataInputView in) throws IOException {
            ScoredRecord r = new ScoredRecord();
            r.record = in.readBoolean() ? FactsCodec.readRecord(in) : null;
            r.events = FactsCodec.readList(in, FactsCodec::readEvent);
            int links = in.readInt();
            for (int i = 0; i < links; i++) {
                RecordKey key = FactsCodec.readKey(in);
                Link l = new Link();
                l.labels.addAll(FactsCodec.readList(in, java.io.DataInput::readUTF));
                l.seq = in.readLong();
                r.links.put(key, l);
            }
            int gone = in.readInt();
            for (int i = 0; i < gone; i++) {
                r.gone.put(FactsCodec.readKey(in), in.readLong());
            }
            r.results = FactsCodec.readList(in, FactsCodec::readResult);
            r.timer = in.readLong();
            return r;
        }

        @Override
        public TypeSerializerSnapshot<ScoredRecord> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ScoredRecord> {
        public Snapshot() {
            super(Serializer::new);
        }
    }

    /** A neighbour's summary as kept in state: its record and events. */
    public static final class SummarySerializer extends CodecSerializer<RecordScorer.Summary> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(RecordScorer.Summary s, DataOutputView out) throws IOException {
            FactsCodec.writeRecord(s.record(), out);
            FactsCodec.writeList(s.events(), out, FactsCodec::writeEvent);
        }

        @Override
        protected RecordScorer.Summary read(DataInputView in) throws IOException {
            return new RecordScorer.Summary(FactsCodec.readRecord(in), FactsCodec.readList(in, FactsCodec::readEvent));
        }

        @Override
        public TypeSerializerSnapshot<RecordScorer.Summary> snapshotConfiguration() {
            return new SummarySnapshot();
        }
    }

    /** The summary serializer's snapshot: the format has one version. */
    public static final class SummarySnapshot extends SimpleTypeSerializerSnapshot<RecordScorer.Summary> {
        public SummarySnapshot() {
            super(SummarySerializer::new);
        }
    }
}
