package dev.showfloor.servicekit.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that remembers at most {@code capacity} entries and forgets the oldest insertion first: for what a
 * service keeps only to answer repeats soon after the fact (recently accepted requests, a simulator's answers),
 * so that memory stays bounded however long it runs. Not thread-safe; callers synchronize.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    public BoundedMap(int capacity) {
        super(1024, 0.75f, false);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
