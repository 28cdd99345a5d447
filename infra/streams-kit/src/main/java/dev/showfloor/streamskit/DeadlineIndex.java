package dev.showfloor.streamskit;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deadlines in a key-value store ordered by time, so a wall-clock punctuator reads only what is due instead of
 * scanning every aggregate. Entries map "[prefix]deadline|aggregate|id" to the aggregate key; a prefix lets the
 * index share a store with other entries.
 */
public final class DeadlineIndex {
    private final KeyValueStore<String, String> store;
    private final String prefix;

    public DeadlineIndex(KeyValueStore<String, String> store) {
        this(store, "");
    }

    public DeadlineIndex(KeyValueStore<String, String> store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    public void schedule(long atMillis, String aggregateKey, String id) {
        store.put(prefix + String.format("%015d|%s|%s", atMillis, aggregateKey, id), aggregateKey);
    }

    /** A deadline that has come: the aggregate and the id it was scheduled with. */
    public record Due(String aggregateKey, String id) {
    }

    /** Removes and returns the aggregate keys with a deadline at or before {@code nowMillis}, earliest first. */
    public List<String> takeDue(long nowMillis) {
        return takeDueEntries(nowMillis).stream().map(Due::aggregateKey).distinct().toList();
    }

    /** Removes and returns every deadline at or before {@code nowMillis}, earliest first. */
    public List<Due> takeDueEntries(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = store.range(prefix,
                prefix + String.format("%015d}", nowMillis))) {
            entries.forEachRemaining(due::add);
        }
        due.forEach(entry -> store.delete(entry.key));
        int aggregateAt = prefix.length() + 16;
        return due.stream().map(entry -> new Due(entry.value,
                entry.key.substring(entry.key.indexOf('|', aggregateAt + entry.value.length()) + 1))).toList();
    }
}
