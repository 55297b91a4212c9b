package dev.scoreline.flink.internal;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreProperties;
import dev.scoreline.api.ScoreResult;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The wire form of the facts between the job's stages. Property values keep their Java type
 * (a {@code Long} stays a {@code Long}, a {@code BigDecimal} its scale), so a record scored after a
 * network hop is the record the adapter gave, and its scores those of a one-JVM run.
 */
public final class FactsCodec {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DECIMAL = 2;
    private static final byte LONG = 3;
    private static final byte INT = 4;
    private static final byte DOUBLE = 5;
    private static final byte BOOLEAN = 6;
    private static final byte LIST = 7;
    private static final byte FLOAT = 8;

    private FactsCodec() { }

    public static void writeKey(RecordKey key, DataOutput out) throws IOException {
        out.writeUTF(key.type());
        out.writeUTF(key.id());
    }

    public static RecordKey readKey(DataInput in) throws IOException {
        return new RecordKey(in.readUTF(), in.readUTF());
    }

    public static void writeRecord(CrmRecord r, DataOutput out) throws IOException {
        writeKey(r.key(), out);
        writeProperties(r.properties(), out);
        writeStrings(r.lists(), out);
    }

    public static CrmRecord readRecord(DataInput in) throws IOException {
        return new CrmRecord(readKey(in), readProperties(in), readStrings(in));
    }

    public static void writeEvent(CrmEvent e, DataOutput out) throws IOException {
        writeKey(e.record(), out);
        writeEventOfKey(e, out);
    }

    public static CrmEvent readEvent(DataInput in) throws IOException {
        return readEventOfKey(readKey(in), in);
    }

    /** An event without its record's key: its type, instant and properties. */
    private static void writeEventOfKey(CrmEvent e, DataOutput out) throws IOException {
        out.writeUTF(e.type());
        out.writeLong(e.at().getEpochSecond());
        out.writeInt(e.at().getNano());
        writeProperties(e.properties(), out);
    }

    private static CrmEvent readEventOfKey(RecordKey key, DataInput in) throws IOException {
        String type = in.readUTF();
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return new CrmEvent(key, type, at, readProperties(in));
    }

    /**
     * Events of one owner (a bundle's, a record's or a summary's): the owner's key is written once,
     * not with every event; an event of another record (none in practice) carries its own.
     */
    public static void writeEventsOf(RecordKey owner, List<CrmEvent> events, DataOutput out) throws IOException {
        out.writeInt(events.size());
        for (CrmEvent e : events) {
            boolean own = e.record().equals(owner);
            out.writeBoolean(own);
            if (own) {
                writeEventOfKey(e, out);
            } else {
                writeEvent(e, out);
            }
        }
    }

    /** The events {@link #writeEventsOf} wrote for {@code owner}. */
    public static List<CrmEvent> readEventsOf(RecordKey owner, DataInput in) throws IOException {
        int n = in.readInt();
        List<CrmEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(in.readBoolean() ? readEventOfKey(owner, in) : readEvent(in));
        }
        return events;
    }

    public static void writeAssociation(Association a, DataOutput out) throws IOException {
        writeKey(a.from(), out);
        writeKey(a.to(), out);
        writeStrings(a.labels(), out);
    }

    public static Association readAssociation(DataInput in) throws IOException {
        RecordKey from = readKey(in);
        RecordKey to = readKey(in);
        return new Association(from, to, new LinkedHashSet<>(readStrings(in)));
    }

    public static void writeResult(ScoreResult r, DataOutput out) throws IOException {
        out.writeUTF(r.score());
        writeKey(r.record(), out);
        writeDecimal(r.value(), out);
        out.writeBoolean(r.status() != null); // a left-scope update's result has no status
        if (r.status() != null) {
            out.writeUTF(r.status());
        }
        out.writeInt(r.groups().size());
        for (Map.Entry<String, BigDecimal> g : r.groups().entrySet()) {
            out.writeUTF(g.getKey());
            writeDecimal(g.getValue(), out);
        }
        writeDecimal(r.engagement(), out);
        writeDecimal(r.fit(), out);
        writeStrings(r.properties().names(), out);
    }

    public static ScoreResult readResult(DataInput in) throws IOException {
        String score = in.readUTF();
        RecordKey key = readKey(in);
        BigDecimal value = readDecimal(in);
        String status = in.readBoolean() ? in.readUTF() : null;
        int n = in.readInt();
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.put(in.readUTF(), readDecimal(in));
        }
        BigDecimal engagement = readDecimal(in);
        BigDecimal fit = readDecimal(in);
        return new ScoreResult(score, key, value, status, groups, engagement, fit,
                ScoreProperties.fromNames(readStrings(in)));
    }

    public static <T> void writeList(List<T> items, DataOutput out, Writer<T> writer) throws IOException {
        out.writeInt(items.size());
        for (T item : items) {
            writer.write(item, out);
        }
    }

    public static <T> List<T> readList(DataInput in, Reader<T> reader) throws IOException {
        int n = in.readInt();
        List<T> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(reader.read(in));
        }
        return items;
    }

    /** Writes one item. */
    public interface Writer<T> {
        void write(T item, DataOutput out) throws IOException;
    }

    /** Reads one item. */
    public interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private static void writeStrings(Collection<String> strings, DataOutput out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void writeDecimal(BigDecimal d, DataOutput out) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeUTF(d.toString());
        }
    }

    private static BigDecimal readDecimal(DataInput in) throws IOException {
        return in.readBoolean() ? new BigDecimal(in.readUTF()) : null;
    }

    private static void writeProperties(Map<String, Object> properties, DataOutput out) throws IOException {
        out.writeInt(properties.size());
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            out.writeUTF(p.getKey());
            writeValue(p.getValue(), out);
        }
    }

    private static Map<String, Object> readProperties(DataInput in) throws IOException {
        int n = in.readInt();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            properties.put(in.readUTF(), readValue(in));
        }
        return properties;
    }

    private static void writeValue(Object v, DataOutput out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeLongString(s, out);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Number n) {
            out.writeByte(DECIMAL);
            out.writeUTF(n instanceof BigDecimal d ? d.toString() : new BigDecimal(n.toString()).toString());
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(item, out);
            }
        } else {
            throw new IOException("a property value of type " + v.getClass().getName()
                    + " is not one a CRM record holds (text, number, boolean, list)");
        }
    }

    private static Object readValue(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readLongString(in);
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case DECIMAL -> new BigDecimal(in.readUTF());
            case BOOLEAN -> in.readBoolean();
            case LIST -> {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                yield list;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    /** Text of any length (writeUTF stops at 64 KB, a property value need not). */
    private static void writeLongString(String s, DataOutput out) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
