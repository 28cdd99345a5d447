package dev.showfloor.checkout.config;

import dev.showfloor.streamskit.StateStores;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "showfloor.checkout")
public interface CheckoutConfig {
    @WithDefault("30s")
    Duration holdTimeout();

    @WithDefault("30s")
    Duration paymentTimeout();

    @WithDefault("5m")
    Duration holdTtl();

    @WithDefault("2")
    int dropPerBuyerCap();

    /**
     * Confirm an authorized order at once when every hold outlives the authorization by this much; otherwise
     * wait for inventory to commit the holds first.
     */
    @WithDefault("60s")
    Duration confirmMargin();

    @WithDefault("500ms")
    Duration deadlineScanInterval();

    /** After a saga task starts, how long it reads queued answers before enforcing deadlines. */
    @WithDefault("5s")
    Duration catchUpGrace();

    /** Where the sagas live: MEMORY (default) or ROCKSDB for order history that outgrows the heap. */
    @WithDefault("memory")
    StateStores.Kind stateStores();

    /** Longest a client may long-poll GET /orders/{id}?waitMs=. */
    @WithDefault("30s")
    Duration maxWait();
}
