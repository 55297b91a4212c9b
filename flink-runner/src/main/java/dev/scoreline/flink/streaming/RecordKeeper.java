package dev.scoreline.flink.streaming;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.ChangeText;
import dev.scoreline.engine.RecordScorer;
import dev.scoreline.flink.internal.CodecSerializer;
import dev.scoreline.flink.internal.FactsCodec;
import dev.scoreline.flink.internal.Stages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * First stage of the streaming job, keyed by record: keeps each record's data as the live engine
 * holds it (the record, its events, the records it is associated with) and turns each change into
 * deltas, one for the record's own scoring and one for each associated record whose scores read
 * associations. What the live engine leaves out, this leaves out: events, list memberships and
 * associations of a record not in the data, associations of a record with itself. Removing a
 * record removes its events and associations.
 */
public final class RecordKeeper extends KeyedProcessFunction<String, FeedChange, Delta> {

    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordKeeper.class);

    private final Stages.Rules rules;
    private transient RecordScorer scorer;
    private transient ValueState<Kept> kept;

    public RecordKeeper(Stages.Rules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext context) {
        scorer = RecordScorer.create(rules.get(), DataProblems.IGNORE);
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("record", Kept.TYPE));
    }

    @Override
    public void processElement(FeedChange c, Context ctx, Collector<Delta> out) throws IOException {
        Kept k = kept.value();
        if (k == null || k.record == null) {
            if (!(c.change() instanceof DataChange.RecordUpserted)) {
                missing(c, out);
                return;
            }
            k = new Kept();
        }
        String cause = ChangeText.describe(c.change());
        RecordKey self = c.key();
        DataChange change = c.change();
        if (change instanceof DataChange.RecordUpserted u) {
            recordChanged(k, u.record(), c, cause, out);
        } else if (change instanceof DataChange.RecordRemoved) {
            removed(k, c, cause, out);
            kept.clear();
            return;
        } else if (change instanceof DataChange.EventAppended e) {
            k.events.add(e.event());
            out.collect(Delta.own(Delta.Kind.OWN_EVENT, self, c, cause, null, e.event()));
            toNeighbours(k, Delta.Kind.NEIGHBOUR_EVENT, c, cause, null, List.of(e.event()), out);
        } else if (change instanceof DataChange.AssociationAdded a) {
            linked(k, a.association(), c, cause, out);
        } else if (change instanceof DataChange.AssociationRemoved a) {
            unlinked(k, a.association(), c, cause, out);
        } else if (change instanceof DataChange.ListMembershipAdded m) {
            recordChanged(k, withList(k.record, m.membership().list(), true), c, cause, out);
        } else {
            String list = ((DataChange.ListMembershipRemoved) change).membership().list();
            recordChanged(k, withList(k.record, list, false), c, cause, out);
        }
        kept.update(k);
    }

    private void recordChanged(Kept k, CrmRecord record, FeedChange c, String cause, Collector<Delta> out) {
        k.record = record;
        out.collect(Delta.own(Delta.Kind.OWN_RECORD, c.key(), c, cause, record, null));
        toNeighbours(k, Delta.Kind.NEIGHBOUR_RECORD, c, cause, record, null, out);
    }

    /**
     * A change of a record not in the data is left out, as the live engine leaves it out. An
     * association with it is left out at both ends: the other end, which cannot see from its own
     * key that this one is missing, is told so (a neighbour-gone at the association's position).
     */
    private void missing(FeedChange c, Collector<Delta> out) {
        if (c.change() instanceof DataChange.RecordRemoved) {
            return;
        }
        LOG.warn("{}: {} is not in the data, the change is left out", ChangeText.describe(c.change()), c.key());
        if (c.change() instanceof DataChange.AssociationAdded a) {
            RecordKey other = otherEnd(a.association(), c.key());
            if (!other.equals(c.key()) && scorer.readsAssociations(other)) {
                out.collect(Delta.about(Delta.Kind.NEIGHBOUR_GONE, other, c.key(), c, ChangeText.describe(c.change()),
                        null, null, null));
            }
        }
    }

    private void removed(Kept k, FeedChange c, String cause, Collector<Delta> out) {
        out.collect(Delta.own(Delta.Kind.OWN_REMOVED, c.key(), c, cause, null, null));
        for (RecordKey n : k.neighbours) {
            if (scorer.readsAssociations(n)) {
                out.collect(Delta.about(Delta.Kind.NEIGHBOUR_GONE, n, c.key(), c, cause, null, null, null));
            }
        }
    }

    private void unlinked(Kept k, Association a, FeedChange c, String cause, Collector<Delta> out) {
        RecordKey self = c.key();
        RecordKey other = otherEnd(a, self);
        if (!k.neighbours.remove(other)) {
            return; // the live engine removes only what it holds
        }
        if (scorer.readsAssociations(self)) {
            out.collect(Delta.about(Delta.Kind.UNLINK, self, other, c, cause, null, null, null));
        }
        if (scorer.readsAssociations(other)) {
            out.collect(Delta.about(Delta.Kind.NEIGHBOUR_GONE, other, self, c, cause, null, null, null));
        }
    }

    private void linked(Kept k, Association a, FeedChange c, String cause, Collector<Delta> out) {
        RecordKey self = c.key();
        RecordKey other = otherEnd(a, self);
        if (other.equals(self)) {
            return; // an association with itself links nothing (as when loading)
        }
        k.neighbours.add(other);
        if (scorer.readsAssociations(self)) {
            out.collect(Delta.about(Delta.Kind.LINK, self, other, c, cause, null, null, List.copyOf(a.labels())));
        }
        if (scorer.readsAssociations(other)) {
            out.collect(Delta.about(Delta.Kind.NEIGHBOUR, other, self, c, cause, k.record, List.copyOf(k.events), null));
        }
    }

    private void toNeighbours(Kept k, Delta.Kind kind, FeedChange c, String cause, CrmRecord record,
                              List<CrmEvent> events, Collector<Delta> out) {
        for (RecordKey n : k.neighbours) {
            if (scorer.readsAssociations(n)) {
                out.collect(Delta.about(kind, n, c.key(), c, cause, record, events, null));
            }
        }
    }

    private static RecordKey otherEnd(Association a, RecordKey self) {
        return a.from().equals(self) ? a.to() : a.from();
    }

    /** The record with a list added or removed; list names compare as the engine folds them (trimmed, any case). */
    static CrmRecord withList(CrmRecord r, String list, boolean member) {
        String folded = list.strip().toLowerCase(Locale.ROOT);
        List<String> lists = new ArrayList<>();
        for (String l : r.lists()) {
            if (!l.strip().toLowerCase(Locale.ROOT).equals(folded)) {
                lists.add(l);
            }
        }
        if (member) {
            lists.add(list);
        }
        return new CrmRecord(r.key(), r.properties(), lists);
    }

    /** What the first stage keeps of a record: the record (null once removed), its events, its associated records. */
    static final class Kept {
        CrmRecord record;
        List<CrmEvent> events = new ArrayList<>();
        Set<RecordKey> neighbours = new LinkedHashSet<>();

        static final TypeInformation<Kept> TYPE = CodecSerializer.typeInfo(Kept.class, new Serializer());
    }

    /** Kept's serializer. */
    public static final class Serializer extends CodecSerializer<Kept> {
        private static final long serialVersionUID = 1L;

        @Override
        protected void write(Kept k, DataOutputView out) throws IOException {
            out.writeBoolean(k.record != null);
            if (k.record != null) {
                FactsCodec.writeRecord(k.record, out);
            }
            FactsCodec.writeList(k.events, out, FactsCodec::writeEvent);
            FactsCodec.writeList(List.copyOf(k.neighbours), out, FactsCodec::writeKey);
        }

        @Override
        protected Kept read(DataInputView in) throws IOException {
            Kept k = new Kept();
            k.record = in.readBoolean() ? FactsCodec.readRecord(in) : null;
            k.events = FactsCodec.readList(in, FactsCodec::readEvent);
            k.neighbours = new LinkedHashSet<>(FactsCodec.readList(in, FactsCodec::readKey));
            return k;
        }

        @Override
        public TypeSerializerSnapshot<Kept> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Kept> {
        public Snapshot() {
            super(Serializer::new);
        }
    }
}
