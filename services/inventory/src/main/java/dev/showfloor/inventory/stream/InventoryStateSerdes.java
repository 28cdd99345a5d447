package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form for the positions and holds stores and their changelogs: both are written for nearly
 * every command, and JSON cost about a tenth of the stream thread. Internal state, not a contract: the first
 * byte is a format version, and records written as JSON by earlier versions (they start with '{') are still
 * read, so a changelog needs no migration.
 */
final class InventoryStateSerdes {
    private static final byte VERSION = 1;
    private static final byte JSON_START = '{';
    private static final Serde<StockPosition> POSITION_JSON = JsonSerde.of(StockPosition.class);
    private static final Serde<StockPosition.Hold> HOLD_JSON = JsonSerde.of(StockPosition.Hold.class);

    private InventoryStateSerdes() {
    }

    static Serde<StockPosition> positions() {
        return serde("position", POSITION_JSON, (position, out) -> {
            out.writeUTF(position.locationId());
            out.writeUTF(position.sku());
            out.writeInt(position.onHand());
            out.writeInt(position.held());
            out.writeInt(position.escrow().size());
            for (Map.Entry<String, Integer> edge : position.escrow().entrySet()) {
                out.writeUTF(edge.getKey());
                out.writeInt(edge.getValue());
            }
        }, in -> {
            String locationId = in.readUTF();
            String sku = in.readUTF();
            int onHand = in.readInt();
            int held = in.readInt();
            int edges = in.readInt();
            Map<String, Integer> escrow = new TreeMap<>();
            for (int i = 0; i < edges; i++) {
                escrow.put(in.readUTF(), in.readInt());
            }
            return StockPosition.restore(locationId, sku, onHand, held, escrow);
        });
    }

    static Serde<StockPosition.Hold> holds() {
        return serde("hold", HOLD_JSON, (hold, out) -> {
            out.writeUTF(hold.holdId());
            writeNullable(out, hold.orderId());
            out.writeUTF(hold.commandId());
            out.writeInt(hold.quantity());
            out.writeLong(hold.expiresAtMillis());
            writeNullable(out, hold.dropId());
            writeNullable(out, hold.shopperId());
            writeNullable(out, hold.edgeNodeId());
        }, in -> new StockPosition.Hold(in.readUTF(), readNullable(in), in.readUTF(), in.readInt(), in.readLong(),
                readNullable(in), readNullable(in), readNullable(in)));
    }

    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(String what, Serde<T> legacyJson, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
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
                return legacyJson.deserializer().deserialize(topic, bytes);
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

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
