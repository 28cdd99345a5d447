package dev.showfloor.streamskit;

import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A {@link StateStores#history} store read as "a key's newest value written within the last window": values
 * are written at the wall-clock time they happened, so a key is forgotten exactly one window after its last
 * write, and the store drops whole segments later without a write per key.
 */
public final class RecentValues<V> {
    private final WindowStore<String, V> store;
    private final long windowMillis;

    public RecentValues(WindowStore<String, V> store, Duration window) {
        this.store = store;
        this.windowMillis = window.toMillis();
    }

    /** The newest value of {@code key} written within the window ending at {@code nowMillis}, or null. */
    public V newest(String key, long nowMillis) {
        // Forward, as the most frequent lookups (keys written once) are fastest that way; later writes win.
        V newest = null;
        try (WindowStoreIterator<V> written = store.fetch(key, nowMillis - windowMillis, nowMillis)) {
            while (written.hasNext()) {
                newest = written.next().value;
            }
        }
        return newest;
    }

    /** Writes a value; a null would only delete this instant's entry and uncover an older one, so write a value. */
    public void put(String key, V value, long nowMillis) {
        store.put(key, value, nowMillis);
    }
}
