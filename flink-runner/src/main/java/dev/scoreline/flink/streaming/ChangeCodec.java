package dev.scoreline.flink.streaming;

import dev.scoreline.api.DataChange;
import dev.scoreline.api.ListMembership;
import dev.scoreline.flink.internal.FactsCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The wire form of a {@link DataChange}: a tag, then the facts in {@link FactsCodec}'s form. */
final class ChangeCodec {

    private static final byte UPSERTED = 1;
    private static final byte REMOVED = 2;
    private static final byte EVENT = 3;
    private static final byte LINKED = 4;
    private static final byte UNLINKED = 5;
    private static final byte JOINED = 6;
    private static final byte LEFT = 7;

    private ChangeCodec() { }

    static void write(DataChange change, DataOutput out) throws IOException {
        if (change instanceof DataChange.RecordUpserted u) {
            out.writeByte(UPSERTED);
            FactsCodec.writeRecord(u.record(), out);
        } else if (change instanceof DataChange.RecordRemoved r) {
            out.writeByte(REMOVED);
            FactsCodec.writeKey(r.key(), out);
        } else if (change instanceof DataChange.EventAppended e) {
            out.writeByte(EVENT);
            FactsCodec.writeEvent(e.event(), out);
        } else if (change instanceof DataChange.AssociationAdded a) {
            out.writeByte(LINKED);
            FactsCodec.writeAssociation(a.association(), out);
        } else if (change instanceof DataChange.AssociationRemoved a) {
            out.writeByte(UNLINKED);
            FactsCodec.writeAssociation(a.association(), out);
        } else if (change instanceof DataChange.ListMembershipAdded m) {
            out.writeByte(JOINED);
            writeMembership(m.membership(), out);
        } else {
            out.writeByte(LEFT);
            writeMembership(((DataChange.ListMembershipRemoved) change).membership(), out);
        }
    }

    static DataChange read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case UPSERTED -> new DataChange.RecordUpserted(FactsCodec.readRecord(in));
            case REMOVED -> new DataChange.RecordRemoved(FactsCodec.readKey(in));
            case EVENT -> new DataChange.EventAppended(FactsCodec.readEvent(in));
            case LINKED -> new DataChange.AssociationAdded(FactsCodec.readAssociation(in));
            case UNLINKED -> new DataChange.AssociationRemoved(FactsCodec.readAssociation(in));
            case JOINED -> new DataChange.ListMembershipAdded(readMembership(in));
            case LEFT -> new DataChange.ListMembershipRemoved(readMembership(in));
            default -> throw new IOException("unknown change tag " + tag);
        };
    }

    private static void writeMembership(ListMembership m, DataOutput out) throws IOException {
        out.writeUTF(m.list());
        FactsCodec.writeKey(m.record(), out);
    }

    private static ListMembership readMembership(DataInput in) throws IOException {
        String list = in.readUTF();
        return new ListMembership(list, FactsCodec.readKey(in));
    }
}
