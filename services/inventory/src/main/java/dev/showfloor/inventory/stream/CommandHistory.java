package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * What inventory remembers for its de-duplication window: processed commandIds and how recent holds ended, in
 * one time-segmented store. Entries are written at the wall-clock time they happened and a lookup reads only the
 * last window, so a repeat is dropped for exactly the window; the store then drops whole segments (of half a
 * window) once they are older, so remembering costs one changelog record and forgetting costs none.
 */
final class CommandHistory {
    private static final String COMMAND = "c|";
    private static final String ENDED = "e|";
    private final WindowStore<String, String> store;
    private final long windowMillis;

    CommandHistory(WindowStore<String, String> store, Duration window) {
        this.store = store;
        this.windowMillis = window.toMillis();
    }

    boolean seen(String commandId, long nowMillis) {
        return recent(COMMAND + commandId, nowMillis) != null;
    }

    void remember(String commandId, long nowMillis) {
        store.put(COMMAND + commandId, "", nowMillis);
    }

    /** How the hold {@code holdKey} ("location:sku|holdId") ended, or null if it did not or was forgotten. */
    StockPosition.HoldOutcome ended(String holdKey, long nowMillis) {
        String outcome = recent(ENDED + holdKey, nowMillis);
        return outcome == null ? null : StockPosition.HoldOutcome.valueOf(outcome);
    }

    void ended(String holdKey, StockPosition.HoldOutcome outcome, long nowMillis) {
        store.put(ENDED + holdKey, outcome.name(), nowMillis);
    }

    private String recent(String key, long nowMillis) {
        try (WindowStoreIterator<String> seen = store.fetch(key, nowMillis - windowMillis, nowMillis)) {
            return seen.hasNext() ? seen.next().value : null;
        }
    }
}
