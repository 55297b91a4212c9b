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
 * What a keyed stage after the first gathers for one record key: the record's own facts (from its
 * key in the stage before) and the summaries its associated records sent it (from a hop stage,
 * with the scores their own neighbours gave them). A key with summaries but no facts has
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

    /** The summaries by the key of the record each one is of. */
    java.util.Map<RecordKey, RecordScorer.Summary> neighbours() {
        java.util.Map<RecordKey, RecordScorer.Summary> byKey = new java.util.HashMap<>();
        for (RecordScorer.Summary s : summaries) {
            byKey.put(s.key(), s);
        }
        return byKey;
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
                FactsCodec.writeEventsOf(g.facts.record().key(), g.facts.events(), out);
                FactsCodec.writeList(g.facts.associations(), out, FactsCodec::writeAssociation);
            }
            FactsCodec.writeList(g.summaries, out, Serializer::writeSummary);
        }

        @Override
        protected Gathered read(DataInputView in) throws IOException {
            Gathered g = new Gathered();
            g.key = FactsCodec.readKey(in);
            if (in.readBoolean()) {
                var record = FactsCodec.readRecord(in);
                g.facts = new RecordScorer.Facts(record, FactsCodec.readEventsOf(record.key(), in),
                        FactsCodec.readList(in, FactsCodec::readAssociation));
            }
            g.summaries = FactsCodec.readList(in, Serializer::readSummary);
            return g;
        }

        private static void writeSummary(RecordScorer.Summary s, java.io.DataOutput out) throws IOException {
            FactsCodec.writeRecord(s.record(), out);
            FactsCodec.writeEventsOf(s.record().key(), s.events(), out);
            RecordScorer.Given given = s.given();
            out.writeBoolean(given != null);
            if (given != null) {
                FactsCodec.writeList(given.scores(), out, FactsCodec::writeResult);
                out.writeLong(given.nextChange() == null ? Long.MAX_VALUE : given.nextChange().toEpochMilli());
            }
        }

        private static RecordScorer.Summary readSummary(java.io.DataInput in) throws IOException {
            var record = FactsCodec.readRecord(in);
            var events = FactsCodec.readEventsOf(record.key(), in);
            RecordScorer.Given given = null;
            if (in.readBoolean()) {
                var scores = FactsCodec.readList(in, FactsCodec::readResult);
                long next = in.readLong();
                given = new RecordScorer.Given(scores, next == Long.MAX_VALUE ? null : java.time.Instant.ofEpochMilli(next));
            }
            return new RecordScorer.Summary(record, events, given);
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
