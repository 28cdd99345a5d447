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

    /** Where live state (positions, holds, buyer counts, expiries) lives: bounded, so in memory by default. */
    @WithDefault("memory")
    StateStores.Kind liveStores();

    /** How often overdue holds are looked for (wall-clock time). */
    @WithDefault("1s")
    Duration expiryScanInterval();

    /**
     * How often changed positions publish their stock level (wall-clock time): a level is at most this much
     * older than its position, and a busy SKU writes one level per interval instead of one per command.
     */
    @WithDefault("10ms")
    Duration stockLevelInterval();
}
