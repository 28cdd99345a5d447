package dev.showfloor.inventory.config;

import dev.showfloor.streamskit.StateStores;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "showfloor.inventory")
public interface InventoryConfig {
    /** Available units under which a stock level is flagged low. */
    @WithDefault("5")
    int lowStockThreshold();

    /** How long processed commandIds are remembered for de-duplication. */
    @WithDefault("24h")
    Duration dedupeWindow();

    /**
     * How long a shopper's units in a drop count toward the drop's cap after the shopper's last hold, sale or
     * release in it: longer than any drop sells.
     */
    @WithDefault("30d")
    Duration buyerCapWindow();

    /** Where live state (positions, holds, buyer counts) lives: bounded, so in memory by default. */
    @WithDefault("memory")
    StateStores.Kind liveStores();

    /** How often overdue holds are looked for (wall-clock time). */
    @WithDefault("1s")
    Duration expiryScanInterval();

    /**
     * How often changed positions publish their stock level (wall-clock time): a level is published at most
     * this long after its position changed, and a busy SKU writes one level per interval instead of one per
     * command. Longer than the commit interval, so most commits leave the stock-levels partitions out: the
     * broker's transaction work grows with the partitions a commit touches.
     */
    @WithDefault("100ms")
    Duration stockLevelInterval();
}
