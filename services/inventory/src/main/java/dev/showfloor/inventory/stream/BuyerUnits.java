package dev.showfloor.inventory.stream;

import dev.showfloor.streamskit.DeadlineIndex;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each shopper's units in a drop (held or bought) per stock key, remembered for the buyer-cap window after the
 * shopper's last change. Kept in a store read and written by key (a hash map in memory), with an in-memory index
 * of when each count is to be forgotten, rebuilt from the store when the task starts (each count carries when
 * it last changed). A count that falls to zero leaves the store at once, since absent means zero; so the store
 * holds the shoppers with units held or sold in the window, which a drop's scarcity keeps small.
 *
 * <p>Until 2026-12-06 the counts lived in a time-segmented RocksDB store: forgetting cost nothing there, but
 * every capped hold paid a window fetch and a RocksDB write, about a tenth of the stream thread in a benchmark
 * of drop holds.
 */
final class BuyerUnits {
    /** A shopper's units and when they last changed. */
    record Count(int units, long changedAtMillis) {
    }

    private final KeyValueStore<String, Count> store;
    private final long windowMillis;
    private final DeadlineIndex<String> forgetAt = DeadlineIndex.ofStrings();

    private BuyerUnits(KeyValueStore<String, Count> store, Duration window) {
        this.store = store;
        this.windowMillis = window.toMillis();
    }

    /** The counts of a task's store, with the index rebuilt from it (a task's start, or its revival). */
    static BuyerUnits of(KeyValueStore<String, Count> store, Duration window) {
        BuyerUnits units = new BuyerUnits(store, window);
        try (KeyValueIterator<String, Count> all = store.all()) {
            all.forEachRemaining(entry -> units.forgetAt.schedule(units.forgetAt(entry.value), entry.key));
        }
        return units;
    }

    /** A shopper's units, zero once the window since the last change has passed. */
    int units(String key, long nowMillis) {
        Count count = store.get(key);
        return count == null || expired(count, nowMillis) ? 0 : count.units();
    }

    void units(String key, int units, long nowMillis) {
        Count before = store.get(key);
        if (before != null) {
            // Not transactional, and need not be: a task whose transaction aborts is revived and rebuilds it.
            forgetAt.cancel(forgetAt(before), key);
        }
        if (units == 0) {
            if (before != null) {
                store.delete(key);
            }
            return;
        }
        Count count = new Count(units, nowMillis);
        store.put(key, count);
        forgetAt.schedule(forgetAt(count), key);
    }

    /** Deletes the counts whose window has passed. */
    void forgetDue(long nowMillis) {
        for (String key : forgetAt.takeDue(nowMillis)) {
            Count count = store.get(key);
            if (count != null && expired(count, nowMillis)) {
                store.delete(key);
            }
        }
    }

    /** Counts waiting to be forgotten: one per stored count. */
    int size() {
        return forgetAt.size();
    }

    /** When the next count is to be forgotten, or {@code DuePunctuation.NOTHING_DUE}. */
    long nextDueMillis() {
        return forgetAt.nextDueMillis();
    }

    private boolean expired(Count count, long nowMillis) {
        return nowMillis - count.changedAtMillis() > windowMillis;
    }

    /** The first millisecond at which {@link #expired} holds. */
    private long forgetAt(Count count) {
        return count.changedAtMillis() + windowMillis + 1;
    }
}
