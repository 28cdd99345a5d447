package dev.showfloor.inventory.stream;

import dev.showfloor.events.inventory.AdjustStock;
import dev.showfloor.events.inventory.AllocateEscrow;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.HoldReleaseReason;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.events.inventory.ReturnEscrow;
import java.time.Instant;
import java.util.UUID;

/** Short builders for inventory commands in tests. */
final class Commands {
    static final String LOC = "lis-01";

    private Commands() {
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static ReceiveStock receive(String sku, int quantity) {
        return new ReceiveStock(id(), LOC, sku, quantity, null);
    }

    static AdjustStock count(String sku, int counted) {
        return new AdjustStock(id(), LOC, sku, counted, "cycle count");
    }

    static PlaceHold hold(String sku, String holdId, int quantity, long ttlMillis) {
        return new PlaceHold(id(), LOC, sku, holdId, "order-" + holdId, quantity, ttlMillis, null, null, null, null);
    }

    static PlaceHold dropHold(String sku, String holdId, int quantity, String dropId, String shopperId, int cap) {
        return new PlaceHold(id(), LOC, sku, holdId, "order-" + holdId, quantity, 60_000L, dropId, shopperId, cap,
                null);
    }

    static PlaceHold edgeHold(String sku, String holdId, int quantity, String edgeNodeId) {
        return new PlaceHold(id(), LOC, sku, holdId, "order-" + holdId, quantity, 60_000L, null, null, null,
                edgeNodeId);
    }

    static ReleaseHold release(String sku, String holdId) {
        return new ReleaseHold(id(), LOC, sku, holdId, HoldReleaseReason.ORDER_REJECTED);
    }

    static CommitHold commit(String sku, String holdId) {
        return new CommitHold(id(), LOC, sku, holdId, "order-" + holdId, null);
    }

    static AllocateEscrow allocate(String sku, String edgeNodeId, int quantity) {
        return new AllocateEscrow(id(), LOC, sku, edgeNodeId, quantity, Instant.parse("2026-12-06T10:00:00Z"));
    }

    static ReturnEscrow giveBack(String sku, String edgeNodeId, int quantity) {
        return new ReturnEscrow(id(), LOC, sku, edgeNodeId, quantity);
    }
}
