package dev.scoreline.flink.internal;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.RecordScorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What the second stage gathers for one record key: the record's own facts (from its first-stage
 * key) and the summaries its associated records sent it. A key with summaries but no facts has
 * no record: nothing is scored for it.
 */
public final class Gathered {

    RecordKey key;
    RecordScorer.Facts facts;
    List<RecordScorer.Summary> summaries = new ArrayList<>();

    public RecordKey key() {
        return key;
    }

    static Gathered own(RecordScorer.Facts facts) {
        Gathered g = new Gathered();
        g.key = facts.record().key();
        g.facts = facts;
        return g;
    }

    static Gathered summary(RecordKey to, RecordScorer.Summary summary) {
        Gathered g = new Gathered();
        g.key = to;
        g.summaries.add(summary);
        return g;
    }

    public Gathered merge(Gathered other) {
        if (other.facts != null) {
            facts = other.facts;
        }
        summaries.addAll(other.summaries);
        return this;
    }

    public static final TypeInformation<Gathered> TYPE = CodecSerializer.typeInfo(Gathered.class, new Serializer());

    /** Gathered's serializer. */
    public static final class Serializer extends CodecSerializer<Gathered> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(Gathered g, DataOutputView out) throws IOException {
            FactsCodec.writeKey(g.key, out);
            out.writeBoolean(g.facts != null);
            if (g.facts != null) {
                FactsCodec.writeRecord(g.facts.record(), out);
                FactsCodec.writeList(g.facts.events(), out, FactsCodec::writeEvent);
                FactsCodec.writeList(g.facts.associations(), out, FactsCodec::writeAssociation);
            }
            FactsCodec.writeList(g.summaries, out, (s, o) -> {
                FactsCodec.writeRecord(s.record(), o);
                FactsCodec.writeList(s.events(), o, FactsCodec::writeEvent);
            });
        }

        @Override
        protected Gathered read(DataInputView in) throws IOException {
            Gathered g = new Gathered();
            g.key = FactsCodec.readKey(in);
            if (in.readBoolean()) {
                g.facts = new RecordScorer.Facts(FactsCodec.readRecord(in), FactsCodec.readList(in, FactsCodec::readEvent),
                        FactsCodec.readList(in, FactsCodec::readAssociation));
            }
            g.summaries = FactsCodec.readList(in, i -> new RecordScorer.Summary(FactsCodec.readRecord(i),
                    FactsCodec.readList(i, FactsCodec::readEvent)));
            return g;
        }

        @Override
        public TypeSerializerSnapshot<Gathered> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** Gathered's serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Gathered> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
