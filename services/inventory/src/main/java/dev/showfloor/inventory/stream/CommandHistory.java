package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.RecentValues;

/**
 * What inventory remembers for its de-duplication window: processed commandIds and how recent holds ended, in
 * one time-segmented store. Entries are written at the wall-clock time they happened and a lookup reads only the
 * last window, so a repeat is dropped for exactly the window; the store then drops whole segments (of half a
 * window) once they are older, so remembering costs one changelog record and forgetting costs none.
 */
final class CommandHistory {
    private static final String COMMAND = "c|";
    private static final String ENDED = "e|";
    private final RecentValues<String> store;

    CommandHistory(RecentValues<String> store) {
        this.store = store;
    }

    boolean seen(String commandId, long nowMillis) {
        return store.newest(COMMAND + commandId, nowMillis) != null;
    }

    void remember(String commandId, long nowMillis) {
        store.put(COMMAND + commandId, "", nowMillis);
    }

    /**
     * How the hold {@code holdKey} ("location:sku|holdId") ended, or null if it did not or was forgotten.
     * Stored as "OUTCOME|placing commandId"; entries from before 2026-12-02 hold the outcome alone.
     */
    StockPosition.EndedHold ended(String holdKey, long nowMillis) {
        String entry = store.newest(ENDED + holdKey, nowMillis);
        if (entry == null) {
            return null;
        }
        int bar = entry.indexOf('|');
        return bar < 0 ? new StockPosition.EndedHold(StockPosition.HoldOutcome.valueOf(entry), null)
                : new StockPosition.EndedHold(StockPosition.HoldOutcome.valueOf(entry.substring(0, bar)),
                        entry.substring(bar + 1));
    }

    void ended(String holdKey, StockPosition.EndedHold ended, long nowMillis) {
        store.put(ENDED + holdKey, ended.outcome().name() + "|" + ended.placedBy(), nowMillis);
    }
}
