package dev.showfloor.inventory.domain;

import dev.showfloor.events.inventory.EscrowAllocated;
import dev.showfloor.events.inventory.EscrowReturned;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldExpired;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldReleased;
import dev.showfloor.events.inventory.StockAdjusted;
import dev.showfloor.events.inventory.StockReceived;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stock rebuilt from inventory.events alone, the way any consumer (or a recovery) would fold the log. Kept
 * separate from {@link InventoryDecider} on purpose: the replay test checks the two agree.
 */
public final class StockLedger {

    /** What the log says about one (location, sku). */
    public static final class Entry {
        private int onHand;
        private final Map<String, Integer> holds = new TreeMap<>();
        private final Map<String, String> holdEdges = new HashMap<>();
        private final Map<String, Integer> escrow = new TreeMap<>();

        public int onHand() {
            return onHand;
        }

        public Map<String, Integer> holds() {
            return holds;
        }

        public Map<String, Integer> escrow() {
            return escrow;
        }

        private void endHold(String holdId) {
            Integer quantity = holds.remove(holdId);
            String edge = holdEdges.remove(holdId);
            if (quantity != null && edge != null) {
                escrow.merge(edge, quantity, Integer::sum);
            }
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    public Map<String, Entry> entries() {
        return entries;
    }

    public void apply(Object event) {
        switch (event) {
            case StockReceived e -> entry(e.getLocationId(), e.getSku()).onHand += e.getQuantity();
            case StockAdjusted e -> entry(e.getLocationId(), e.getSku()).onHand = e.getCountedOnHand();
            case HoldPlaced e -> {
                Entry entry = entry(e.getLocationId(), e.getSku());
                entry.holds.put(e.getHoldId(), e.getQuantity());
                if (e.getEdgeNodeId() != null) {
                    entry.holdEdges.put(e.getHoldId(), e.getEdgeNodeId());
                    entry.escrow.merge(e.getEdgeNodeId(), -e.getQuantity(), Integer::sum);
                }
            }
            case HoldReleased e -> entry(e.getLocationId(), e.getSku()).endHold(e.getHoldId());
            case HoldExpired e -> entry(e.getLocationId(), e.getSku()).endHold(e.getHoldId());
            case HoldCommitted e -> {
                Entry entry = entry(e.getLocationId(), e.getSku());
                entry.holds.remove(e.getHoldId());
                entry.holdEdges.remove(e.getHoldId());
                entry.onHand -= e.getQuantity();
            }
            case EscrowAllocated e -> entry(e.getLocationId(), e.getSku()).escrow
                    .merge(e.getEdgeNodeId(), e.getQuantity(), Integer::sum);
            case EscrowReturned e -> entry(e.getLocationId(), e.getSku()).escrow
                    .merge(e.getEdgeNodeId(), -e.getQuantity(), Integer::sum);
            default -> {
                // rejections change nothing
            }
        }
        entries.values().forEach(entry -> entry.escrow.values().removeIf(units -> units == 0));
    }

    private Entry entry(String locationId, String sku) {
        return entries.computeIfAbsent(locationId + ":" + sku, key -> new Entry());
    }
}
