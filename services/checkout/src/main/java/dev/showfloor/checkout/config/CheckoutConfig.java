package dev.showfloor.checkout.config;

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

    @WithDefault("500ms")
    Duration deadlineScanInterval();

    /** After a saga task starts, how long it reads queued answers before enforcing deadlines. */
    @WithDefault("5s")
    Duration catchUpGrace();

    /** Longest a client may long-poll GET /orders/{id}?waitMs=. */
    @WithDefault("30s")
    Duration maxWait();
}
