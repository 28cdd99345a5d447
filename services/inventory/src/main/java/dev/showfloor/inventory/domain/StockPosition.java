package dev.showfloor.inventory.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stock of one SKU at one location: the aggregate that one stream task owns. Changed only by
 * {@link InventoryDecider}; stored as a whole in the task's state store.
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
    private Map<String, Hold> holds = new LinkedHashMap<>();
    private Map<String, Integer> escrow = new TreeMap<>();
    /** dropId|shopperId → units that shopper holds or bought in that drop (for per-buyer caps). */
    private Map<String, Integer> buyerUnits = new TreeMap<>();
    private LinkedHashMap<String, HoldOutcome> endedHolds = new LinkedHashMap<>();
    /** commandId → when it was processed (epoch millis), oldest first. */
    private LinkedHashMap<String, Long> processedCommands = new LinkedHashMap<>();

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
        return holds.values().stream().mapToInt(Hold::quantity).sum();
    }

    public int escrowed() {
        return escrow.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Units that can still be held: on hand, minus held, minus escrowed to edge nodes. */
    public int available() {
        return onHand - held() - escrowed();
    }

    /** Units in escrow per edge node. */
    public Map<String, Integer> escrow() {
        return java.util.Collections.unmodifiableMap(escrow);
    }

    public int escrowOf(String edgeNodeId) {
        return escrow.getOrDefault(edgeNodeId, 0);
    }

    public Map<String, Hold> holds() {
        return holds;
    }

    public int buyerUnits(String dropId, String shopperId) {
        return buyerUnits.getOrDefault(dropId + "|" + shopperId, 0);
    }

    HoldOutcome endedHold(String holdId) {
        return endedHolds.get(holdId);
    }

    void setOnHand(int onHand) {
        this.onHand = onHand;
    }

    void addHold(Hold hold) {
        holds.put(hold.holdId(), hold);
        if (hold.dropId() != null && hold.shopperId() != null) {
            buyerUnits.merge(hold.dropId() + "|" + hold.shopperId(), hold.quantity(), Integer::sum);
        }
    }

    /** Ends a hold; a sale keeps counting toward the buyer's cap, a release or expiry does not. */
    Hold endHold(String holdId, HoldOutcome outcome, int memory) {
        Hold hold = holds.remove(holdId);
        if (hold == null) {
            return null;
        }
        if (outcome != HoldOutcome.COMMITTED && hold.dropId() != null && hold.shopperId() != null) {
            buyerUnits.computeIfPresent(hold.dropId() + "|" + hold.shopperId(),
                    (key, units) -> units - hold.quantity() <= 0 ? null : units - hold.quantity());
        }
        endedHolds.put(holdId, outcome);
        while (endedHolds.size() > memory) {
            endedHolds.pollFirstEntry();
        }
        return hold;
    }

    void changeEscrow(String edgeNodeId, int delta) {
        escrow.merge(edgeNodeId, delta, (current, change) -> current + change == 0 ? null : current + change);
    }

    /** True if the command was seen inside the window; otherwise records it. */
    boolean seenBefore(String commandId, long nowMillis, InventoryPolicy policy) {
        long horizon = nowMillis - policy.dedupeWindow().toMillis();
        while (!processedCommands.isEmpty() && (processedCommands.firstEntry().getValue() < horizon
                || processedCommands.size() >= policy.dedupeMaxEntries())) {
            processedCommands.pollFirstEntry();
        }
        return processedCommands.putIfAbsent(commandId, nowMillis) != null;
    }
}
