package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.HoldBook;
import dev.showfloor.inventory.domain.StockPosition;
import org.apache.kafka.streams.state.KeyValueStore;

/** The hold book of one (location, sku), one store entry per hold, buyer and recently ended hold. */
final class StoreHoldBook implements HoldBook {
    private final String key;
    private final KeyValueStore<String, StockPosition.Hold> holds;
    private final BuyerUnits buyers;
    private final CommandHistory history;
    private final HoldExpiries expiries;
    private final long nowMillis;

    /**
     * @param expiries  the task's expiry index, which a hold leaves when it ends
     * @param nowMillis the wall-clock time of the decision the book is used for
     */
    StoreHoldBook(String key, KeyValueStore<String, StockPosition.Hold> holds, BuyerUnits buyers,
                  CommandHistory history, HoldExpiries expiries, long nowMillis) {
        this.key = key;
        this.holds = holds;
        this.buyers = buyers;
        this.history = history;
        this.expiries = expiries;
        this.nowMillis = nowMillis;
    }

    /** A hold's key in the holds store and in the history: "location:sku|holdId". */
    static String holdKey(String stockKey, String holdId) {
        return stockKey + "|" + holdId;
    }

    /** The stock key of a holds-store key made by {@link #holdKey} (hold ids may contain '|' themselves). */
    static String stockKeyOf(String holdKey, String holdId) {
        return holdKey.substring(0, holdKey.length() - holdId.length() - 1);
    }

    @Override
    public StockPosition.Hold hold(String holdId) {
        return holds.get(holdKey(key, holdId));
    }

    @Override
    public void put(StockPosition.Hold hold) {
        holds.put(holdKey(key, hold.holdId()), hold);
    }

    @Override
    public void remove(StockPosition.Hold hold) {
        holds.delete(holdKey(key, hold.holdId()));
        // Not transactional, and need not be: a task whose transaction aborts is revived and rebuilds its index.
        expiries.cancel(hold.expiresAtMillis(), key, hold.holdId());
    }

    @Override
    public int buyerUnits(String dropId, String shopperId) {
        return buyers.units(buyerKey(dropId, shopperId), nowMillis);
    }

    @Override
    public void buyerUnits(String dropId, String shopperId, int units) {
        buyers.units(buyerKey(dropId, shopperId), units, nowMillis);
    }

    private String buyerKey(String dropId, String shopperId) {
        return key + "|" + dropId + "|" + shopperId;
    }

    @Override
    public StockPosition.EndedHold ended(String holdId) {
        return history.ended(holdKey(key, holdId), nowMillis);
    }

    @Override
    public void ended(StockPosition.Hold hold, StockPosition.HoldOutcome outcome) {
        history.ended(holdKey(key, hold.holdId()), new StockPosition.EndedHold(outcome, hold.commandId()), nowMillis);
    }
}
