package dev.showfloor.streamskit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form for an aggregate store written on nearly every input, where JSON costs a tenth of a
 * stream thread. Internal state, not a contract: the first byte is a format version, and values written as
 * JSON by earlier versions ({@link JsonSerde}, they start with '{') are still read, so a changelog needs no
 * migration when a store moves from JSON to this form. A field added later goes at the end, and its reader
 * asks {@link #atEnd(DataInputStream)} first, so values written before it existed are still read.
 */
public final class VersionedBinarySerde {
    private static final byte VERSION = 1;
    private static final byte JSON_START = '{';

    /** Writes a value's fields in a fixed order. */
    public interface Writer<T> {
        void write(T value, DataOutput out) throws IOException;
    }

    /**
     * Reads the fields back in the order the {@link Writer} wrote them, from a stream over exactly one value's
     * bytes (so {@link #atEnd} can tell whether a later-appended field is there).
     */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private VersionedBinarySerde() {
    }

    /**
     * @param what           what the values are, for error messages
     * @param legacyJsonType the type earlier versions wrote as JSON
     */
    public static <T> Serde<T> of(String what, Class<T> legacyJsonType, Writer<T> writer, Reader<T> reader) {
        Deserializer<T> legacyJson = JsonSerde.of(legacyJsonType).deserializer();
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(value, out);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + what, e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == JSON_START) {
                return legacyJson.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new SerializationException("unknown " + what + " format "
                        + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + what, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    public static void writeNullable(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Whether a {@link Reader} has read the whole value: a field appended later is absent from older values. */
    public static boolean atEnd(DataInputStream in) throws IOException {
        // The stream wraps a byte array, whose available() is exact.
        return in.available() == 0;
    }
}
