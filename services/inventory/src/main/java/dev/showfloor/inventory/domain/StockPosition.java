package dev.showfloor.inventory.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one SKU at one location: the aggregate one stream task owns. Kept small on purpose (it is
 * read and written for every command); individual holds, buyer totals and history live in the {@link HoldBook}.
 */
public final class StockPosition {
    /** A hold on units, possibly drawn from an edge node's escrow. */
    public record Hold(String holdId, String orderId, String commandId, int quantity, long expiresAtMillis,
                       String dropId, String shopperId, String edgeNodeId) {
    }

    /** How a hold ended, remembered to answer late commands clearly. */
    public enum HoldOutcome { COMMITTED, RELEASED, EXPIRED }

    private String locationId;
    private String sku;
    private int onHand;
    private int held;
    private Map<String, Integer> escrow = new TreeMap<>();

    StockPosition() {
        // for serializers
    }

    public StockPosition(String locationId, String sku) {
        this.locationId = locationId;
        this.sku = sku;
    }

    public String locationId() {
        return locationId;
    }

    public String sku() {
        return sku;
    }

    public int onHand() {
        return onHand;
    }

    public int held() {
        return held;
    }

    public int escrowed() {
        return escrow.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Units that can still be held: on hand, minus held, minus escrowed to edge nodes. */
    public int available() {
        return onHand - held - escrowed();
    }

    /** Units in escrow per edge node. */
    public Map<String, Integer> escrow() {
        return Collections.unmodifiableMap(escrow);
    }

    public int escrowOf(String edgeNodeId) {
        return escrow.getOrDefault(edgeNodeId, 0);
    }

    void setOnHand(int onHand) {
        this.onHand = onHand;
    }

    void changeHeld(int delta) {
        held += delta;
    }

    void changeEscrow(String edgeNodeId, int delta) {
        escrow.merge(edgeNodeId, delta, (current, change) -> current + change == 0 ? null : current + change);
    }
}
