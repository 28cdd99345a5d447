package dev.showfloor.inventory.stream;

import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Units each shopper holds or bought per (location, sku) and drop, remembered for the buyer-cap window after
 * the shopper's last change. Nothing tells inventory that a drop closed, so counts are forgotten by age rather
 * than kept for every shopper of every drop ever: each change is written at its wall-clock time into a
 * time-segmented store, a lookup reads the newest entry of the last window, and whole segments are dropped once
 * older, so forgetting writes nothing.
 */
final class BuyerUnits {
    private final WindowStore<String, Integer> store;
    private final long windowMillis;

    BuyerUnits(WindowStore<String, Integer> store, Duration window) {
        this.store = store;
        this.windowMillis = window.toMillis();
    }

    int units(String buyerKey, long nowMillis) {
        try (WindowStoreIterator<Integer> newestFirst =
                     store.backwardFetch(buyerKey, nowMillis - windowMillis, nowMillis)) {
            return newestFirst.hasNext() ? newestFirst.next().value : 0;
        }
    }

    /** Zero is written, not deleted: a delete would only remove this instant's entry and uncover an older one. */
    void units(String buyerKey, int units, long nowMillis) {
        store.put(buyerKey, Math.max(0, units), nowMillis);
    }
}
