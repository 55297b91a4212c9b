package dev.scoreline.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer written by hand for one of the job's types: stateless, so one instance
 * serves every thread, and a copy is a write and a read (the types are small and mutable).
 */
public abstract class CodecSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    protected abstract void write(T value, DataOutputView out) throws IOException;

    protected abstract T read(DataInputView in) throws IOException;

    @Override public boolean isImmutableType() { return false; }
    @Override public TypeSerializer<T> duplicate() { return this; }
    @Override public T createInstance() { return null; }
    @Override public int getLength() { return -1; }
    @Override public void serialize(T value, DataOutputView out) throws IOException { write(value, out); }
    @Override public T deserialize(DataInputView in) throws IOException { return read(in); }
    @Override public T deserialize(T reuse, DataInputView in) throws IOException { return read(in); }
    @Override public T copy(T from, T reuse) { return copy(from); }

    @Override
    public T copy(T from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            write(from, out);
            return read(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("copying " + from + " failed", e);
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(source), target);
    }

    @Override public boolean equals(Object o) { return o != null && o.getClass() == getClass(); }
    @Override public int hashCode() { return getClass().hashCode(); }

    /** The type information that hands Flink this serializer. */
    public static <T> TypeInformation<T> typeInfo(Class<T> type, CodecSerializer<T> serializer) {
        return new Info<>(type, serializer);
    }

    private static final class Info<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final CodecSerializer<T> serializer;

        Info(Class<T> type, CodecSerializer<T> serializer) {
            this.type = type;
            this.serializer = serializer;
        }

        @Override public boolean isBasicType() { return false; }
        @Override public boolean isTupleType() { return false; }
        @Override public int getArity() { return 1; }
        @Override public int getTotalFields() { return 1; }
        @Override public Class<T> getTypeClass() { return type; }
        @Override public boolean isKeyType() { return false; }
        @Override public TypeSerializer<T> createSerializer(SerializerConfig config) { return serializer; }
        @Override public String toString() { return type.getSimpleName() + "(codec)"; }
        @Override public boolean equals(Object o) { return o instanceof Info<?> i && i.type == type; }
        @Override public int hashCode() { return type.hashCode(); }
        @Override public boolean canEqual(Object o) { return o instanceof Info<?>; }
    }
}
