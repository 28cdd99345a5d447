package dev.showfloor.inventory.stream;

import static dev.showfloor.streamskit.VersionedBinarySerde.readNullable;
import static dev.showfloor.streamskit.VersionedBinarySerde.writeNullable;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.VersionedBinarySerde;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * The positions, holds and buyer-count stores and their changelogs in a compact binary form: the first two are
 * written for nearly every command, and JSON cost about a tenth of the stream thread (JSON of older changelogs
 * is still read).
 */
final class InventoryStateSerdes {
    private InventoryStateSerdes() {
    }

    static Serde<StockPosition> positions() {
        return VersionedBinarySerde.of("position", StockPosition.class, (position, out) -> {
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
        return VersionedBinarySerde.of("hold", StockPosition.Hold.class, (hold, out) -> {
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

    static Serde<BuyerUnits.Count> buyerCounts() {
        return VersionedBinarySerde.of("buyer count", BuyerUnits.Count.class, (count, out) -> {
            out.writeInt(count.units());
            out.writeLong(count.changedAtMillis());
        }, in -> new BuyerUnits.Count(in.readInt(), in.readLong()));
    }
}
