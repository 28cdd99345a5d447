package dev.showfloor.inventory.stream;

import dev.showfloor.streamskit.RecentValues;

/**
 * Units each shopper holds or bought per (location, sku) and drop, remembered for the buyer-cap window after
 * the shopper's last change. Nothing tells inventory that a drop closed, so counts are forgotten by age rather
 * than kept for every shopper of every drop ever; zero is written rather than deleted, so an older count stays
 * covered.
 */
final class BuyerUnits {
    private final RecentValues<Integer> counts;

    BuyerUnits(RecentValues<Integer> counts) {
        this.counts = counts;
    }

    int units(String buyerKey, long nowMillis) {
        Integer units = counts.newest(buyerKey, nowMillis);
        return units == null ? 0 : units;
    }

    void units(String buyerKey, int units, long nowMillis) {
        counts.put(buyerKey, Math.max(0, units), nowMillis);
    }
}
