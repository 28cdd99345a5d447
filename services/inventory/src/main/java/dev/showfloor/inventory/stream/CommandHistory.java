package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.DeadlineIndex;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What inventory remembers for its de-duplication window, in one store: processed commandIds, how recent holds
 * ended, and a time-ordered index that forgets both when the window has passed. One store rather than three
 * because this history grows with traffic and lives in RocksDB, where every store is flushed at every commit.
 */
final class CommandHistory {
    private static final String COMMAND = "c|";
    private static final String ENDED = "e|";
    private static final String FORGET_COMMAND = "forget-command";
    private static final String FORGET_ENDED = "forget-ended";
    private final KeyValueStore<String, String> store;
    private final DeadlineIndex forgetting;

    CommandHistory(KeyValueStore<String, String> store) {
        this.store = store;
        this.forgetting = new DeadlineIndex(store, "t|");
    }

    boolean processed(String commandId) {
        return store.get(COMMAND + commandId) != null;
    }

    void processed(String commandId, long atMillis, long forgetAtMillis) {
        store.put(COMMAND + commandId, Long.toString(atMillis));
        forgetting.schedule(forgetAtMillis, FORGET_COMMAND, commandId);
    }

    /** How the hold {@code holdKey} ("location:sku|holdId") ended, or null if it did not or was forgotten. */
    StockPosition.HoldOutcome ended(String holdKey) {
        String outcome = store.get(ENDED + holdKey);
        return outcome == null ? null : StockPosition.HoldOutcome.valueOf(outcome);
    }

    void ended(String holdKey, StockPosition.HoldOutcome outcome, long forgetAtMillis) {
        store.put(ENDED + holdKey, outcome.name());
        forgetting.schedule(forgetAtMillis, FORGET_ENDED, holdKey);
    }

    /** Forgets every command and ended hold whose window closed at or before {@code nowMillis}. */
    void forgetDue(long nowMillis) {
        for (DeadlineIndex.Due due : forgetting.takeDueEntries(nowMillis)) {
            store.delete((FORGET_COMMAND.equals(due.aggregateKey()) ? COMMAND : ENDED) + due.id());
        }
    }
}
