package dev.showfloor.inventory.api;

import dev.showfloor.events.inventory.StockLevel;

/** Stock of one SKU at one location as the API returns it. */
public record StockLevelView(String locationId, String sku, int onHand, int held, int escrowed, int available,
                             boolean lowStock, int lowStockThreshold) {
    static StockLevelView of(StockLevel level) {
        return new StockLevelView(level.getLocationId(), level.getSku(), level.getOnHand(), level.getHeld(),
                level.getEscrowed(), level.getAvailable(), level.getLowStock(), level.getLowStockThreshold());
    }
}
