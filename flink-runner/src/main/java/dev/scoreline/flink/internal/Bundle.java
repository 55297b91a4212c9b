package dev.scoreline.flink.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.RecordScorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What the first stage gathers of one record key from every stream: the record (the last of
 * duplicates in the records stream, as a one-JVM load keeps it), the lists it is given apart, its
 * events and the associations it is an end of. Bundles of one key merge into one.
 */
public final class Bundle {

    RecordKey key;
    CrmRecord record;
    /** The record's place in the records stream: of duplicates, the later one is kept. */
    long recordAt = -1;
    List<String> lists = new ArrayList<>();
    List<CrmEvent> events = new ArrayList<>();
    List<Association> associations = new ArrayList<>();

    public RecordKey key() {
        return key;
    }

    static Bundle ofRecord(CrmRecord r, long at) {
        Bundle b = new Bundle();
        b.key = r.key();
        b.record = r;
        b.recordAt = at;
        return b;
    }

    static Bundle ofList(RecordKey key, String list) {
        Bundle b = new Bundle();
        b.key = key;
        b.lists.add(list);
        return b;
    }

    static Bundle ofEvent(CrmEvent e) {
        Bundle b = new Bundle();
        b.key = e.record();
        b.events.add(e);
        return b;
    }

    /** The association, for the bundle of its end {@code end}. */
    static Bundle ofAssociation(Association a, RecordKey end) {
        Bundle b = new Bundle();
        b.key = end;
        b.associations.add(a);
        return b;
    }

    /** Adds another bundle of the same key to this one (Flink's reduce: this one is reused). */
    public Bundle merge(Bundle other) {
        if (other.recordAt > recordAt) {
            record = other.record;
            recordAt = other.recordAt;
        }
        lists.addAll(other.lists);
        events.addAll(other.events);
        associations.addAll(other.associations);
        return this;
    }

    /** The record's facts, its lists with those given apart; null when the key has no record. */
    RecordScorer.Facts facts() {
        if (record == null) {
            return null;
        }
        CrmRecord withLists = record;
        if (!lists.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(record.lists());
            all.addAll(lists);
            withLists = new CrmRecord(record.key(), record.properties(), List.copyOf(all));
        }
        return new RecordScorer.Facts(withLists, events, associations);
    }

    public static final TypeInformation<Bundle> TYPE = CodecSerializer.typeInfo(Bundle.class, new Serializer());

    /** Bundle's serializer. */
    public static final class Serializer extends CodecSerializer<Bundle> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(Bundle b, DataOutputView out) throws IOException {
            FactsCodec.writeKey(b.key, out);
            out.writeLong(b.recordAt);
            if (b.recordAt >= 0) {
                FactsCodec.writeRecord(b.record, out);
            }
            FactsCodec.writeList(b.lists, out, (s, o) -> o.writeUTF(s));
            FactsCodec.writeEventsOf(b.key, b.events, out);
            FactsCodec.writeList(b.associations, out, FactsCodec::writeAssociation);
        }

        @Override
        protected Bundle read(DataInputView in) throws IOException {
            Bundle b = new Bundle();
            b.key = FactsCodec.readKey(in);
            b.recordAt = in.readLong();
            b.record = b.recordAt >= 0 ? FactsCodec.readRecord(in) : null;
            b.lists = FactsCodec.readList(in, java.io.DataInput::readUTF);
            b.events = FactsCodec.readEventsOf(b.key, in);
            b.associations = FactsCodec.readList(in, FactsCodec::readAssociation);
            return b;
        }

        @Override
        public TypeSerializerSnapshot<Bundle> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** Bundle's serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Bundle> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
