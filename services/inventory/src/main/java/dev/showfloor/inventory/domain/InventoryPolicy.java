package dev.showfloor.inventory.domain;

import java.time.Duration;

/**
 * Central rules of the inventory.
 *
 * @param lowStockThreshold   available units under which a stock level is flagged low
 * @param dedupeWindow        how long a processed commandId is remembered; a repeat inside it has no effect
 * @param dedupeMaxEntries    at most this many commandIds are remembered per (location, sku), oldest dropped first
 * @param endedHoldMemory     how many ended holds per (location, sku) are remembered to explain late commands
 */
public record InventoryPolicy(int lowStockThreshold, Duration dedupeWindow, int dedupeMaxEntries, int endedHoldMemory) {
    public static final InventoryPolicy DEFAULT = new InventoryPolicy(5, Duration.ofHours(24), 20_000, 5_000);

    public InventoryPolicy {
        if (lowStockThreshold < 0 || dedupeMaxEntries < 1 || endedHoldMemory < 1 || dedupeWindow.isNegative()) {
            throw new IllegalArgumentException("invalid inventory policy");
        }
    }
}
