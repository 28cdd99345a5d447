package dev.showfloor.inventory.domain;

import java.time.Duration;

/**
 * Central rules of the inventory.
 *
 * @param lowStockThreshold   available units under which a stock level is flagged low
 * @param dedupeWindow        how long a processed commandId (and how a hold ended) is remembered; a repeated
 *                            command inside it has no effect, a late one about an ended hold gets the reason
 * @param buyerCapWindow      how long a shopper's units in a drop are remembered after their last change;
 *                            inventory is not told when a drop closes, so caps hold for drops that sell
 *                            within this window of a shopper's last hold, and the counts of past drops go
 */
public record InventoryPolicy(int lowStockThreshold, Duration dedupeWindow, Duration buyerCapWindow) {
    public static final InventoryPolicy DEFAULT =
            new InventoryPolicy(5, Duration.ofHours(24), Duration.ofDays(30));

    public InventoryPolicy {
        if (lowStockThreshold < 0 || !positive(dedupeWindow) || !positive(buyerCapWindow)) {
            throw new IllegalArgumentException("invalid inventory policy");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
