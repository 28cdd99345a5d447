package dev.showfloor.checkout.payment;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The payment simulator's behaviour ({@code showfloor.payment.simulator.*}). */
public interface PaymentSimulatorConfig {
    /** How long the simulated provider takes to answer. */
    @WithDefault("20ms")
    Duration latency();

    /** Share of orders declined at random (0.0–1.0), on top of the decline test tokens. */
    @WithDefault("0.0")
    double declineRate();

    /** Seed of the random declines, so a run can be repeated. */
    @WithDefault("42")
    long seed();

    /** Fixed settings, for a simulator built outside configuration (a simulator process, tests). */
    static PaymentSimulatorConfig of(Duration latency, double declineRate, long seed) {
        record Fixed(Duration latency, double declineRate, long seed) implements PaymentSimulatorConfig {
        }
        return new Fixed(latency, declineRate, seed);
    }
}
