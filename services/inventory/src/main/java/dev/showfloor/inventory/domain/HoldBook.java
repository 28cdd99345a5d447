package dev.showfloor.inventory.domain;

/**
 * The per-hold state of one (location, sku): active holds, units per buyer and drop, and how recent holds
 * ended. A port: the stream task backs it with its state stores, one entry per hold or buyer, so no single
 * record grows with the number of shoppers.
 */
public interface HoldBook {
    StockPosition.Hold hold(String holdId);

    void put(StockPosition.Hold hold);

    /** Removes an active hold that ended (the whole hold, so a book may also drop whatever it keyed by it). */
    void remove(StockPosition.Hold hold);

    int buyerUnits(String dropId, String shopperId);

    void buyerUnits(String dropId, String shopperId, int units);

    /** How the hold ended and which command placed it, if it ended recently; null otherwise. */
    StockPosition.EndedHold ended(String holdId);

    void ended(StockPosition.Hold hold, StockPosition.HoldOutcome outcome);
}
