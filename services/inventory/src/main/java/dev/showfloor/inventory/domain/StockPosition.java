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

    /**
     * A hold that ended recently: how, and the commandId that placed it (null in entries written before
     * 2026-12-02), which tells a repeated PlaceHold from a new one reusing the hold id.
     */
    public record EndedHold(HoldOutcome outcome, String placedBy) {
    }

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

    /** A position as a snapshot recorded it (a state store's serde), escrow per edge node included. */
    public static StockPosition restore(String locationId, String sku, int onHand, int held,
                                        Map<String, Integer> escrow) {
        StockPosition position = new StockPosition(locationId, sku);
        position.onHand = onHand;
        position.held = held;
        position.escrow.putAll(escrow);
        return position;
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
