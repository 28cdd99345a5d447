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
        store.put(String.format("%015d|%s|%s", atMillis, aggregateKey, id), aggregateKey);
    }

    /** Removes and returns the aggregate keys with a deadline at or before {@code nowMillis}, earliest first. */
    public List<String> takeDue(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range("", String.format("%015d}", nowMillis))) {
            entries.forEachRemaining(due::add);
        }
        due.forEach(entry -> store.delete(entry.key));
        return due.stream().map(entry -> entry.value).distinct().toList();
    }
}
