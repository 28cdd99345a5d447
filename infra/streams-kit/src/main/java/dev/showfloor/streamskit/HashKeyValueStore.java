package dev.showfloor.streamskit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory key-value store on a hash map, for state read and written by key only (open holds, buyer
 * totals). Kafka Streams' in-memory store is a sorted tree so that it can answer ranges; with a few hundred
 * thousand open holds a lookup there compares keys byte by byte about twenty times (a profile put the tree at
 * 11% of inventory's stream thread). Here a lookup is one hash. Ranges, prefix and full scans are still answered,
 * from a sorted copy, so they are correct but cost a sort: meant for a task's start, not for the hot path.
 * Durability is the changelog's, as for any in-memory store: Kafka Streams wraps this store in its
 * change-logging layer and restores it through the callback registered in {@link #init}.
 */
public final class HashKeyValueStore implements KeyValueStore<Bytes, byte[]> {
    private final String name;
    /** Concurrent so that an interactive query may read while the stream thread writes. */
    private final Map<Bytes, byte[]> entries = new ConcurrentHashMap<>();
    /** Which input offsets the state reflects, as Kafka Streams asks every store (changelog, IQv2). */
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private volatile boolean open;

    public HashKeyValueStore(String name) {
        this.name = name;
    }

    /** Supplies one store per task, under {@code name}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new HashKeyValueStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory-hash";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            context.register(root, (StateRestoreCallback) (key, value) -> {
                if (value == null) {
                    entries.remove(Bytes.wrap(key));
                } else {
                    entries.put(Bytes.wrap(key), value);
                }
            });
        }
        open = true;
    }

    @Override
    public void flush() {
        // nothing buffered: the changelog layer above has already sent every write
    }

    @Override
    public void close() {
        entries.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    private void track() {
        if (context != null) {
            // A punctuation writes with no input record behind it (no topic): nothing to track then.
            context.recordMetadata().filter(input -> input.topic() != null).ifPresent(input ->
                    position.withComponent(input.topic(), input.partition(), input.offset()));
        }
    }

    @Override
    public void put(Bytes key, byte[] value) {
        track();
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = entries.get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> batch) {
        batch.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        track();
        return entries.remove(key);
    }

    @Override
    public byte[] get(Bytes key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return sorted(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return sorted(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return sorted(null, null, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return sorted(null, null, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        byte[] start = prefixSerializer.serialize(name, prefix);
        return snapshot(key -> key.get().length >= start.length
                && Arrays.equals(key.get(), 0, start.length, start, 0, start.length), false);
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    /** A snapshot of the entries with keys in [from, to] (null: unbounded), in key order or its reverse. */
    private KeyValueIterator<Bytes, byte[]> sorted(Bytes from, Bytes to, boolean reverse) {
        return snapshot(key -> (from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) <= 0),
                reverse);
    }

    /** A copy of the entries whose key is selected, in key order or its reverse. */
    private KeyValueIterator<Bytes, byte[]> snapshot(Predicate<Bytes> selected, boolean reverse) {
        List<KeyValue<Bytes, byte[]>> copy = new ArrayList<>();
        entries.forEach((key, value) -> {
            if (selected.test(key)) {
                copy.add(KeyValue.pair(key, value));
            }
        });
        Comparator<KeyValue<Bytes, byte[]>> byKey = Comparator.comparing(entry -> entry.key);
        copy.sort(reverse ? byKey.reversed() : byKey);
        return new SnapshotIterator(copy.iterator());
    }

    private static final class SnapshotIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<KeyValue<Bytes, byte[]>> entries;
        private KeyValue<Bytes, byte[]> next;

        SnapshotIterator(Iterator<KeyValue<Bytes, byte[]>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            if (next == null && entries.hasNext()) {
                next = entries.next();
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> current = next;
            next = null;
            return current;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            // a snapshot holds no resources
        }
    }
}
