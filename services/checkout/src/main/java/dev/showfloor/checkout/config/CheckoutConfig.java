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

    /**
     * How long an ended order stays in the saga store: answered by GET /orders/{id}, and its idempotency key
     * honoured. Longer than {@code hold-ttl}.
     */
    @WithDefault("7d")
    Duration orderRetention();

    /** Where the sagas live: every order until its retention ends, so RocksDB by default; MEMORY for small volumes. */
    @WithDefault("rocksdb")
    StateStores.Kind sagaStore();

    /** Longest a client may long-poll GET /orders/{id}?waitMs=. */
    @WithDefault("30s")
    Duration maxWait();

    /**
     * How long an SSE stream of an order not known here waits for it to appear (placed through another instance
     * a moment ago) before answering 404.
     */
    @WithDefault("2s")
    Duration unknownOrderWait();
}
