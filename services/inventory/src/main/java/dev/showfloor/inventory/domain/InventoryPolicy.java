package dev.showfloor.inventory.domain;

import java.time.Duration;

/**
 * Central rules of the inventory.
 *
 * @param lowStockThreshold   available units under which a stock level is flagged low
 * @param dedupeWindow        how long a processed commandId (and how a hold ended) is remembered; a repeated
 *                            command inside it has no effect, a late one about an ended hold gets the reason
 */
public record InventoryPolicy(int lowStockThreshold, Duration dedupeWindow) {
    public static final InventoryPolicy DEFAULT = new InventoryPolicy(5, Duration.ofHours(24));

    public InventoryPolicy {
        if (lowStockThreshold < 0 || dedupeWindow.isNegative() || dedupeWindow.isZero()) {
            throw new IllegalArgumentException("invalid inventory policy");
        }
    }
}
