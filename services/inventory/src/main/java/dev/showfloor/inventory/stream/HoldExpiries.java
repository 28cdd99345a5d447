package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each open hold of a task runs out, ordered by time, so the expiry punctuator touches only what is due.
 * Kept in memory and derived from the holds store (every hold carries its expiry) when the task starts, rather
 * than changelogged: the holds store is already the durable record, so an index on disk would only add a
 * record per hold to every transaction. Holds that end early stay in the index and are skipped when due.
 * Holds due in the same millisecond share one entry (in the order they were scheduled), so a busy drop's
 * inserts compare a few thousand numbers instead of walking a tree of every open hold by key and id.
 */
final class HoldExpiries {
    private record Due(String stockKey, String holdId) {
    }

    private final TreeMap<Long, List<Due>> schedule = new TreeMap<>();

    /** Rebuilds the index from a task's holds store (keys made by {@link StoreHoldBook#holdKey}). */
    static HoldExpiries of(KeyValueStore<String, StockPosition.Hold> holds) {
        HoldExpiries expiries = new HoldExpiries();
        try (KeyValueIterator<String, StockPosition.Hold> all = holds.all()) {
            all.forEachRemaining(entry -> {
                StockPosition.Hold hold = entry.value;
                expiries.schedule(hold.expiresAtMillis(), StoreHoldBook.stockKeyOf(entry.key, hold.holdId()),
                        hold.holdId());
            });
        }
        return expiries;
    }

    void schedule(long atMillis, String stockKey, String holdId) {
        schedule.computeIfAbsent(atMillis, at -> new ArrayList<>(2)).add(new Due(stockKey, holdId));
    }

    /** Removes every entry due at or before {@code nowMillis}: hold ids per stock key, earliest first. */
    Map<String, List<String>> takeDue(long nowMillis) {
        Map<String, List<String>> due = new LinkedHashMap<>();
        Iterator<List<Due>> slots = schedule.headMap(nowMillis, true).values().iterator();
        while (slots.hasNext()) {
            for (Due next : slots.next()) {
                due.computeIfAbsent(next.stockKey(), key -> new ArrayList<>()).add(next.holdId());
            }
            slots.remove();
        }
        return due;
    }

    int size() {
        return schedule.values().stream().mapToInt(List::size).sum();
    }
}
