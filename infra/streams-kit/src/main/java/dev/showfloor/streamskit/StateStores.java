package dev.showfloor.streamskit;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Key-value stores of the Showfloor stream apps: backed by a changelog topic, in memory or in RocksDB, with the
 * record cache in front where a key is written several times between two commits (it then reaches the changelog
 * once) and without it where a key is written about once.
 */
public final class StateStores {
    /**
     * MEMORY for state bounded by what is live (stock positions, open holds, pending deadlines); ROCKSDB for
     * state that grows with traffic (de-duplication history, every order). Each RocksDB read and write crosses
     * JNI and searches memtables and files, and its compactions run on native threads; in memory a lookup is a
     * map access, but the state must fit in the heap, and a task that moves rebuilds it from its changelog (as
     * exactly-once does after a crash anyway). Commits do not flush RocksDB: under exactly_once_v2 a running
     * task of Kafka Streams 4.1 never checkpoints, so memtables reach files when full, at a rebalance or at close.
     */
    public enum Kind { MEMORY, ROCKSDB }

    private StateStores() {
    }

    /** A store with the record cache in front: for keys written several times between two commits. */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(Kind kind, String name, Serde<K> keySerde,
                                                                   Serde<V> valueSerde) {
        return sorted(kind, name, keySerde, valueSerde).withCachingEnabled();
    }

    /**
     * {@link #keyValue}'s store without the record cache, for keys written about once between two commits (an
     * order, each of whose steps comes in a later commit), where a cache would coalesce little, and for any store
     * whose commits must stay short: a cache is flushed into the store and the changelog at each commit, which then
     * waits for those records too, so the commit, and what it makes visible, comes later (for inventory's
     * positions, written many times a commit, the flush took twice as long: docs/BENCHMARKS.md, 2026-12-07).
     */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueUncached(Kind kind, String name,
                                                                           Serde<K> keySerde, Serde<V> valueSerde) {
        return sorted(kind, name, keySerde, valueSerde).withCachingDisabled();
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> sorted(Kind kind, String name, Serde<K> keySerde,
                                                                  Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(switch (kind) {
            case MEMORY -> Stores.inMemoryKeyValueStore(name);
            case ROCKSDB -> Stores.persistentKeyValueStore(name);
        }, keySerde, valueSerde);
    }

    /**
     * A store read and written by key only (scans work but sort a copy). In memory it is a hash table packed
     * into byte pages ({@link HashKeyValueStore}) backed by a changelog and without the record cache: its keys (one per hold,
     * per buyer) are mostly written once between two commits, so a cache would coalesce little and add a second
     * sorted map to every lookup. In RocksDB it is {@link #keyValueUncached}'s store, for the same reasons and since
     * a cache would lengthen every commit.
     */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> byKey(Kind kind, String name, Serde<K> keySerde,
                                                                Serde<V> valueSerde) {
        return switch (kind) {
            case MEMORY -> Stores.keyValueStoreBuilder(HashKeyValueStore.supplier(name), keySerde, valueSerde)
                    .withCachingDisabled();
            case ROCKSDB -> keyValueUncached(kind, name, keySerde, valueSerde);
        };
    }

    /**
     * A store that remembers each key for at least {@code retention} and forgets it by whole time segments: no
     * per-key tombstone or forget index reaches the changelog (a compact,delete topic whose retention follows
     * the store's), which makes it the cheap way to keep state that matters only while recent (a
     * de-duplication history). Keys are written at the wall-clock time they were seen, and a lookup reads the
     * last {@code retention}. Uncached: each (key, time) entry is written once, so a cache would coalesce
     * nothing, and a cached window store answers each lookup by copying the cached key range (a profile showed
     * that at 14% of inventory's stream thread). Always in RocksDB: Kafka Streams' in-memory window store
     * answers a lookup by visiting every distinct timestamp in the range, so with entries written at the time
     * they were seen a lookup grows with the traffic of the whole window (measured: 765, 979, 476, 236, 122,
     * 98 holds/s in six bursts in a row).
     */
    public static <K, V> StoreBuilder<WindowStore<K, V>> history(String name, Duration retention,
                                                                Serde<K> keySerde, Serde<V> valueSerde) {
        // Window size 1 ms: each entry is a point in time; a lookup asks for any point in the last `retention`.
        Duration windowSize = Duration.ofMillis(1);
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, windowSize, false),
                keySerde, valueSerde).withCachingDisabled();
    }
}
