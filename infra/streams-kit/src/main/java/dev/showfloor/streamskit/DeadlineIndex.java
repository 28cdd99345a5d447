package dev.showfloor.streamskit;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deadlines in a key-value store ordered by time, so a wall-clock punctuator reads only what is due instead of
 * scanning every aggregate. Entries map "deadline|aggregate|id" to the aggregate key.
 */
public final class DeadlineIndex {
    private final KeyValueStore<String, String> store;

    public DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    public void schedule(long atMillis, String aggregateKey, String id) {
        store.put(timeKey(atMillis) + "|" + aggregateKey + "|" + id, aggregateKey);
    }

    /** Removes and returns the aggregate keys with a deadline at or before {@code nowMillis}, earliest first. */
    public List<String> takeDue(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range("", timeKey(nowMillis) + "}")) {
            entries.forEachRemaining(due::add);
        }
        due.forEach(entry -> store.delete(entry.key));
        return due.stream().map(entry -> entry.value).distinct().toList();
    }

    /**
     * The time as 15 zero-padded digits, so keys sort by time (the format entries have always had); by hand
     * because String.format parsed its pattern on every call, a few percent of the saga's stream thread.
     */
    static String timeKey(long atMillis) {
        String digits = Long.toString(atMillis);
        return digits.length() >= 15 ? digits : "0".repeat(15 - digits.length()) + digits;
    }
}
