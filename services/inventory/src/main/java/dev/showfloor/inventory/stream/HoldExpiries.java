package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.DeadlineIndex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each open hold of a task runs out ({@link DeadlineIndex}), derived from the holds store when the task
 * starts: every hold carries its expiry. A hold that ends early (sold or released) leaves the index when it
 * ends: left to be skipped when due, a task kept rate × TTL entries in memory whatever few holds were open
 * (two million in a benchmark of one-hour holds, a third of inventory's heap live after a full collection).
 */
final class HoldExpiries {
    private record Due(String stockKey, String holdId) {
    }

    /** A hold's entry packed as [stock key length][stock key][hold id], UTF-8 (hold ids may contain anything). */
    private static final DeadlineIndex.Codec<Due> PACKED = new DeadlineIndex.Codec<>() {
        @Override
        public byte[] encode(Due due) {
            byte[] stockKey = due.stockKey().getBytes(StandardCharsets.UTF_8);
            byte[] holdId = due.holdId().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Integer.BYTES + stockKey.length + holdId.length)
                    .putInt(stockKey.length).put(stockKey).put(holdId).array();
        }

        @Override
        public Due decode(byte[] bytes, int offset, int length) {
            int stockKeyLength = ByteBuffer.wrap(bytes, offset, Integer.BYTES).getInt();
            int stockKeyStart = offset + Integer.BYTES;
            int holdIdStart = stockKeyStart + stockKeyLength;
            return new Due(new String(bytes, stockKeyStart, stockKeyLength, StandardCharsets.UTF_8),
                    new String(bytes, holdIdStart, offset + length - holdIdStart, StandardCharsets.UTF_8));
        }
    };

    private final DeadlineIndex<Due> schedule = new DeadlineIndex<>(PACKED);

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
        schedule.schedule(atMillis, new Due(stockKey, holdId));
    }

    /** Takes out the entry of a hold that ended before its expiry ({@code atMillis}, as scheduled). */
    void cancel(long atMillis, String stockKey, String holdId) {
        schedule.cancel(atMillis, new Due(stockKey, holdId));
    }

    /** Removes every entry due at or before {@code nowMillis}: hold ids per stock key, earliest first. */
    Map<String, List<String>> takeDue(long nowMillis) {
        Map<String, List<String>> due = new LinkedHashMap<>();
        for (Due next : schedule.takeDue(nowMillis)) {
            due.computeIfAbsent(next.stockKey(), key -> new ArrayList<>()).add(next.holdId());
        }
        return due;
    }

    int size() {
        return schedule.size();
    }

    long nextDueMillis() {
        return schedule.nextDueMillis();
    }
}
